/// A unit of text as the text helpers scan it: a `Character`, or a Unicode
/// scalar of text whose scalars are its Characters (see
/// `scalarsAreCharacters`). Scanning scalars is many times faster: there is
/// no grapheme breaking, and an ASCII scalar answers its properties without
/// the Unicode tables. Helpers are written once, generic over the unit, and
/// scan scalars whenever the text allows, so their results are the same
/// either way.
public protocol TextUnit: Equatable, ExpressibleByUnicodeScalarLiteral {
    var isWhitespace: Bool { get }
    var isLetter: Bool { get }
    var isNumber: Bool { get }
    /// Whether this is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { get }

    /// Appends the unit in UTF-8, to build text from units.
    func appendUTF8(to bytes: inout [UInt8])
}

extension Character: TextUnit {
    public func appendUTF8(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: utf8)
    }
}

/// A Character's properties are those of its first scalar: these give, for
/// a scalar, what the Character made of it answers.
extension Unicode.Scalar: TextUnit {
    @inlinable public var isWhitespace: Bool {
        isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    @inlinable public var isLetter: Bool {
        isASCII ? (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) : properties.isAlphabetic
    }

    @inlinable public var isNumber: Bool {
        isASCII ? isASCIIDigit : properties.numericType != nil
    }

    @inlinable public var isASCIIDigit: Bool { (0x30...0x39).contains(value) }

    @inlinable public func appendUTF8(to bytes: inout [UInt8]) {
        if isASCII {
            bytes.append(UInt8(value))
        } else {
            bytes.append(contentsOf: utf8)
        }
    }
}

extension TextUnit {
    @inlinable public var isLetterOrNumber: Bool { isLetter || isNumber }
}

extension StringProtocol {
    /// Whether the text is ASCII without a carriage return: then each byte
    /// is a Character (CR LF would be one). Checked in one pass without
    /// branches, which the compiler vectorises.
    @inlinable public var isPlainASCII: Bool {
        let check = { (bytes: UnsafeBufferPointer<UInt8>) in
            var allBits: UInt8 = 0
            var carriageReturns: UInt8 = 0
            for byte in bytes {
                allBits |= byte
                carriageReturns |= byte == UInt8(ascii: "\r") ? 1 : 0
            }
            return allBits < 0x80 && carriageReturns == 0
        }
        return utf8.withContiguousStorageIfAvailable(check) ?? Array(utf8).withUnsafeBufferPointer(check)
    }

    /// Whether the text's Unicode scalars can stand in for its Characters:
    /// each Character is a single scalar, and no scalar is one of the few
    /// that equal an ASCII or Latin-1 character as Characters do (see
    /// `equalsLatin1AsCharacter`), so a scalar equals a character of either
    /// kind exactly when its Character does. True of ASCII text without CR LF
    /// and of most text in any script; not of text with combining marks, emoji
    /// sequences and the like, which helpers scan Character by Character.
    @inlinable public var scalarsAreCharacters: Bool {
        if isPlainASCII { return true }
        let text = String(self)
        return text.count == text.unicodeScalars.count && !text.unicodeScalars.contains { $0.equalsLatin1AsCharacter }
    }
}

extension Unicode.Scalar {
    /// Whether this scalar is canonically equivalent to another that is ASCII
    /// or Latin-1, so that as Characters the two are equal: the Greek
    /// question mark (`;`) and ano teleia (`·`), the Greek varia (`` ` ``)
    /// and dasia-oxia (`´`), the Kelvin sign (`K`) and the Ångström sign (`Å`).
    @inlinable var equalsLatin1AsCharacter: Bool {
        [0x037E, 0x0387, 0x1FEF, 0x1FFD, 0x212A, 0x212B].contains(value)
    }
}
