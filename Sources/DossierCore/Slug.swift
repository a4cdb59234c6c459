import Foundation

/// Slugs name pages: lower-case a–z, 0–9 and single hyphens, never empty,
/// so no slug can leave its folder of the site.
public enum Slug {
    /// The longest slug made from a title; longer ones are cut at a hyphen.
    public static let maximumLength = 80

    /// Slugs a content file may not have: `index` names each section's index page.
    public static let reserved: Set<String> = ["index"]

    /// Whether `text` is already a valid slug.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.count <= maximumLength && !text.hasPrefix("-") && !text.hasSuffix("-")
            && !text.contains("--") && text.unicodeScalars.allSatisfy(isSlugScalar)
    }

    /// A slug made from free text: accents removed, everything that is not a
    /// letter or digit becomes a hyphen. Falls back to `fallback` when nothing
    /// is left (a title in a script with no Latin transliteration).
    public static func make(from text: String, fallback: String = "article") -> String {
        // ASCII is Latin without diacritics already; the transforms are slow.
        let folded = text.isPlainASCII ? text : text.applyingTransform(.toLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false) ?? text
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.lowercased().unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }  // "Russia's" → "russias"
            if isSlugScalar(scalar) && scalar != "-" {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        if slug.count > maximumLength {
            let cut = slug.prefix(maximumLength)
            slug = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
        }
        return slug.isEmpty ? fallback : slug
    }

    /// `base`, or `base-2`, `base-3`, … : the first that is neither in
    /// `taken` nor reserved.
    public static func unique(_ base: String, avoiding taken: Set<String>) -> String {
        var numbers: [String: Int] = [:]
        return unique(base, avoiding: taken, numbers: &numbers)
    }

    /// The same, for naming many slugs in turn while `taken` only grows:
    /// `numbers` remembers the next number to try for each base, so a
    /// thousand articles with one title are named in linear time.
    public static func unique(_ base: String, avoiding taken: Set<String>, numbers: inout [String: Int]) -> String {
        guard taken.contains(base) || reserved.contains(base) else { return base }
        var number = numbers[base, default: 2]
        while taken.contains("\(base)-\(number)") { number += 1 }
        numbers[base] = number + 1
        return "\(base)-\(number)"
    }

    private static func isSlugScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
    }
}
