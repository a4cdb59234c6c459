/// The script every served page loads: it listens to the server's events, reloads after a rebuild and shows a failed
/// build's problems over the page. Problems are untrusted text, so the overlay is built with `textContent` only.
enum LiveReloadScript {
    static let path = "/__dossier/live.js"
    static let eventsPath = "/__dossier/events"
    static let tag = #"<script src="\#(path)"></script>"#

    static let source = #"""
    (() => {
      const events = new EventSource("\#(eventsPath)");
      events.addEventListener("reload", () => location.reload());
      events.addEventListener("problem", (event) => {
        document.getElementById("__dossier-problems")?.remove();
        const panel = document.createElement("div");
        panel.id = "__dossier-problems";
        panel.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;box-sizing:border-box;" +
          "padding:2rem;background:rgba(16,16,20,.92);color:#f2f2f2;" +
          "font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";
        const heading = document.createElement("h1");
        heading.textContent = "Build failed";
        heading.style.cssText = "margin:0 0 1rem;font:bold 1.3rem ui-monospace,monospace;color:#ff8a80";
        panel.append(heading);
        for (const message of event.data.split("\n")) {
          const line = document.createElement("div");
          line.textContent = message;
          line.style.cssText = "white-space:pre-wrap;overflow-wrap:anywhere";
          panel.append(line);
        }
        (document.body ?? document.documentElement).append(panel);
      });
    })();

    """#
}
