import Foundation

/// The default theme, the repository's Templates/ folder, compiled into the tool.
public enum DefaultTheme {
    /// Every file of the theme, keyed by its path inside Templates/ (for
    /// example `article.mustache` or `assets/style.css`).
    public static let files: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for (path, base64) in encodedFiles {
            files[path] = Data(base64Encoded: base64).map { [UInt8]($0) } ?? []
        }
        return files
    }()
}
