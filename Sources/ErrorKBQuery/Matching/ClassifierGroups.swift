import ErrorKBSupport

extension Classifier {
    /// Lines that were not counted, grouped by their text with numbers masked (`#`), in memory
    /// bounded by `groupLimit`. A later job of a parallel classify (`LogClassification`) also
    /// spools each line past that limit (its group's key and its number): the groups a one-pass
    /// reader would have kept are those of the first job and what the later ones add, and a
    /// later job's line may belong to a group it did not keep itself.
    struct Groups {
        private(set) var count = 0
        private var index: [UInt64: Int] = [:]
        private var keys: [UInt64] = []
        private var groups: [Group] = []
        /// Where lines past the limit go (key, number); nil: they are only counted.
        var spill: Spool?

        mutating func add(_ text: ArraySlice<UInt8>, number: Int) {
            count += 1
            let key = Self.maskedHash(text)
            if let at = index[key] {
                groups[at].count += 1
                if groups[at].lines.count < Classifier.lineListLimit { groups[at].lines.append(number) }
            } else if groups.count < Classifier.groupLimit {
                index[key] = groups.count
                keys.append(key)
                groups.append(Group(text: Self.mask(text), count: 1, lines: [number]))
            } else if let spill {
                spill.write(Int(Int64(bitPattern: key)))
                spill.write(number)
            }
        }

        /// Adds the groups of the lines that follow, their numbers shifted by `offset`, as if
        /// one reader had read both parts: groups are first seen first, so the later part adds
        /// to the groups kept here, then adds its own while there is room. When this part has
        /// room, the later part kept every group it could bring (a new group after its first
        /// `groupLimit` would come after a full list). Throws `Spool.Failure` when the later
        /// part's spool cannot be read back.
        mutating func merge(_ later: Groups, lineOffset offset: Int) throws {
            count += later.count
            let limit = Classifier.lineListLimit
            for (key, group) in zip(later.keys, later.groups) {
                if let at = index[key] {
                    groups[at].count += group.count
                    groups[at].lines += group.lines.prefix(limit - groups[at].lines.count).map { $0 + offset }
                } else if groups.count < Classifier.groupLimit {
                    index[key] = groups.count
                    keys.append(key)
                    groups.append(Group(text: group.text, count: group.count, lines: group.lines.map { $0 + offset }))
                }
            }
            guard let spill = later.spill else { return }
            try spill.rewind()
            while let key = spill.readInt(), let number = spill.readInt() {
                guard let at = index[UInt64(bitPattern: Int64(key))] else { continue }
                groups[at].count += 1
                if groups[at].lines.count < limit { groups[at].lines.append(number + offset) }
            }
        }

        /// The groups, most lines first, then first seen first.
        func report() -> [Group] {
            groups.enumerated().sorted { a, b in
                a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
            }.map(\.element)
        }

        /// A hash of what `mask` makes of the text, made without it (most lines join a group).
        static func maskedHash(_ text: ArraySlice<UInt8>) -> UInt64 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var written = 0
            var inNumber = false
            for byte in ByteText.trimmed(text).prefix(400) where written < 200 {
                let digit = ByteText.isDigit(byte)
                if digit && inNumber { continue }
                inNumber = digit
                hash = (hash ^ UInt64(digit ? UInt8(ascii: "#") : byte)) &* 0x100_0000_01B3
                written += 1
            }
            return hash
        }

        /// The text with each run of digits one `#`, at most 200 bytes.
        static func mask(_ text: ArraySlice<UInt8>) -> String {
            var bytes: [UInt8] = []
            var inNumber = false
            for byte in ByteText.trimmed(text).prefix(400) {
                if ByteText.isDigit(byte) {
                    if !inNumber { bytes.append(UInt8(ascii: "#")) }
                    inNumber = true
                } else {
                    bytes.append(byte)
                    inNumber = false
                }
            }
            var end = min(200, bytes.count)
            while end < bytes.count, end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
    }
}
