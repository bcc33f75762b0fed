/// Codes a heading or sentence mentions: "-1010 ERROR_MSG_RECEIVED, -2010 …" → [-1010, -2010].
enum CodeMentions {
    static func codes(in text: String) -> [Int64] {
        var codes: [Int64] = []
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let before: Character? = i > 0 ? characters[i - 1] : nil
            if characters[i] == "-" || characters[i] == "\u{2212}", before.map({ !($0.isLetter || $0.isNumber) }) ?? true {
                var j = i + 1
                while j < characters.count, characters[j].isASCII, characters[j].isNumber { j += 1 }
                let after: Character? = j < characters.count ? characters[j] : nil
                if j > i + 1, j - i <= 10, after.map({ !($0.isLetter || $0.isNumber) }) ?? true, let code = Int64(String(characters[(i + 1)..<j])) {
                    codes.append(-code)
                }
                i = j
            } else {
                i += 1
            }
        }
        return codes
    }
}
