/// Lets `value` go on another thread, when nothing else holds it. Freeing
/// a large structure, such as an analysed dossier or every page's links,
/// some million objects, takes a tenth of a second or more on one core,
/// which a build need not wait for.
public func releaseInBackground(_ value: consuming some Sendable) {
    Task.detached(priority: .background) { withExtendedLifetime(value) {} }
}
