import DossierAnalyse
import DossierCore

/// One of the site's data files (`dossier.json`, `search.json`): as large
/// as all the articles' text, so it can be handed over in pieces as it is
/// made instead of held whole.
public struct DataFile: Sendable {
    /// The file's path in the site.
    public let path: String
    private let pretty: Bool
    private let dossier: AnalysedDossier
    private let content: @Sendable (AnalysedDossier, inout JSONWriter) -> Void

    /// The site's data files, sorted by path.
    static func all(of dossier: AnalysedDossier) -> [DataFile] {
        [DataFile(path: "dossier.json", pretty: true, dossier: dossier, content: DossierJSON.write),
         DataFile(path: "search.json", pretty: false, dossier: dossier, content: SearchIndex.write)]
    }

    /// The whole file.
    public var file: SiteFile {
        SiteFile(path: path, contents: JSONWriter.bytes(pretty: pretty, endingLine: true) { content(dossier, &$0) })
    }

    /// Hands the file's bytes to `output` in pieces of about `pieceSize`
    /// bytes, in order.
    public func write(inPiecesOf pieceSize: Int = 1 << 20, to output: (ArraySlice<UInt8>) -> Void) {
        JSONWriter.write(pretty: pretty, endingLine: true, inPiecesOf: pieceSize, to: output) { content(dossier, &$0) }
    }
}
