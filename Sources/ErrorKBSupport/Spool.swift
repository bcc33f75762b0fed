#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Records kept on disk rather than in memory, written by one thread and then read back once,
/// in the order written: an unlinked temporary file (`tmpfile(3)`), gone when the spool is
/// released or the process ends. A parallel job keeps here what a one-pass reader would have
/// said or counted at once (notes, lines past a group limit), so that memory stays flat.
package final class Spool: @unchecked Sendable {
    /// The temporary file could not be made, written or read: the system's reason.
    package struct Failure: Error, Equatable {
        package let reason: String
    }

    private let file: UnsafeMutablePointer<FILE>
    private var failed = false

    /// Makes the temporary file; throws `Failure` when it cannot.
    package init() throws {
        guard let file = tmpfile() else { throw Failure(reason: "cannot make a temporary file: \(String(cString: strerror(errno)))") }
        self.file = file
    }

    deinit { fclose(file) }

    /// Appends an integer (8 bytes).
    package func write(_ value: Int) {
        var value = Int64(value)
        if fwrite(&value, 8, 1, file) != 1 { failed = true }
    }

    /// Appends a string (its UTF-8 length, then its bytes).
    package func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            write(bytes.count)
            if !bytes.isEmpty, fwrite(bytes.baseAddress, 1, bytes.count, file) != bytes.count { failed = true }
        }
    }

    /// Ends the writing: what follows reads from the first record. Throws `Failure` when a write
    /// failed (a full disk).
    package func rewind() throws {
        if fflush(file) != 0 || failed || ferror(file) != 0 {
            throw Failure(reason: "cannot write a temporary file: \(String(cString: strerror(errno)))")
        }
        fseek(file, 0, SEEK_SET)
    }

    /// The next integer; nil at the end.
    package func readInt() -> Int? {
        var value: Int64 = 0
        return fread(&value, 8, 1, file) == 1 ? Int(value) : nil
    }

    /// The next string; nil at the end.
    package func readString() -> String? {
        guard let count = readInt(), count >= 0 else { return nil }
        return String(unsafeUninitializedCapacity: count) { buffer in
            count == 0 ? 0 : fread(buffer.baseAddress, 1, count, file)
        }
    }
}
