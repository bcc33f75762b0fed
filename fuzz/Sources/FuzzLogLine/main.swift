import ErrorKBFuzzHarness
import Foundation
import FuzzerDriver

// libFuzzer's driver, running what FuzzHarness.logLine does with each input.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in
    guard let data, count > 0 else { return 0 }
    FuzzHarness.logLine(Array(UnsafeBufferPointer(start: data, count: count)))
    return 0
})
