import DefaultTheme
import DossierCore
import Foundation

/// `dossier init`: a new dossier that builds as it is, with one example of
/// each kind of content and a copy of the default theme to edit. It writes
/// only files that do not exist, and nothing at all into a folder that
/// already holds a dossier or any of the files it would write.
public enum NewDossier {
    /// Why a new dossier was not made; nothing was written.
    public enum Refusal: Error, CustomStringConvertible {
        case existingDossier(String)
        case existingFile(String)

        public var description: String {
            switch self {
            case .existingDossier(let path): "\(path) is already a dossier; nothing was written"
            case .existingFile(let path): "\(path) exists; nothing was written, so no file is overwritten"
            }
        }
    }

    /// Every file of a new dossier, by path inside its folder, sorted.
    public static func files(title: String) -> [(path: String, contents: [UInt8])] {
        let content: [(String, String)] = [
            ("content/dossier.yml", config(title: title)),
            ("content/raw/council-approves-flood-barrier.txt", exampleRawArticle),
            ("content/entities/riverton-city-council.md", exampleOrganization),
            ("content/entities/ana-costa.md", examplePerson),
            ("content/claims/barrier-cost.md", exampleClaim),
        ]
        let theme = DefaultTheme.files.map { ("Templates/\($0.key)", $0.value) }
        return (content.map { ($0.0, Array($0.1.utf8)) } + theme).sorted { $0.0 < $1.0 }
    }

    /// Writes a new dossier into `folder`, creating it when needed, and
    /// returns the paths written.
    public static func create(at folder: URL, title: String) throws -> [String] {
        let manager = FileManager.default
        let files = files(title: title)
        let configPath = folder.appendingPathComponent("content/dossier.yml").path
        if manager.fileExists(atPath: configPath) { throw Refusal.existingDossier(folder.path) }
        if let taken = files.first(where: { manager.fileExists(atPath: folder.appendingPathComponent($0.path).path) }) {
            throw Refusal.existingFile(folder.appendingPathComponent(taken.path).path)
        }
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents).write(to: url, options: .withoutOverwriting)
        }
        return files.map(\.path)
    }

    static func config(title: String) -> String {
        """
        # The dossier's settings. See the Dossier README for every key.
        title: \(title.jsonQuoted())
        description: "What this dossier follows, in one or two sentences."
        # Where the site will be published; canonical links, absolute feed
        # links and sitemap.xml need it.
        # base_url: "https://example.org/my-dossier/"
        language: en

        """
    }

    static let exampleRawArticle = """
        Home › Local › Riverton
        Riverton council approves flood barrier after stormy debate
        Share on Facebook
        Share on X

        Riverton council approves flood barrier after stormy debate

        By Jo Marsh
        14 March 2024

        Riverton City Council voted on Tuesday to build a flood barrier along the river front, after a debate that ran past midnight.

        Mayor Ana Costa said the barrier "will cost 12 million euros" and would protect about 4,000 homes.

        Opponents on the council put the cost at closer to 18 million euros once the new pumping station is counted.

        "This is the cheapest way to keep the town dry," Costa told reporters after the vote.

        Related Articles
        River levels reach record high
        Council budget delayed again

        © 2024 Riverton Courier. All rights reserved.

        """

    static let exampleOrganization = """
        ---
        name: "Riverton City Council"
        kind: organization
        aliases:
          - "the council"
        description: "The elected council of the town of Riverton."
        ---

        Notes about the entity go here, in Markdown. Aliases are the other
        names the articles use for it; each is matched where it stands as a
        whole word, with the same capitals.

        """

    static let examplePerson = """
        ---
        name: "Ana Costa"
        kind: person
        aliases:
          - "Costa"
        description: "Mayor of Riverton."
        ---

        """

    static let exampleClaim = """
        ---
        claim: "The flood barrier will cost 12 million euros"
        claimant: ana-costa
        date: 2024-03-14
        quotes:
          - "will cost 12 million euros"
        disputed_by:
          - "closer to 18 million euros"
        ---

        The curator's analysis goes here, in Markdown: what supports the
        claim, what contests it, and why.

        """
}
