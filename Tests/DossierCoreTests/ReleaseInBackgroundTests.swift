import DossierCore
import Foundation
import Testing

/// A value that says, when freed, whether its caller's thread freed it.
private final class Watched: Sendable {
    let caller: pthread_t
    let freed: @Sendable (_ byCaller: Bool) -> Void

    init(caller: pthread_t, freed: @escaping @Sendable (Bool) -> Void) {
        (self.caller, self.freed) = (caller, freed)
    }

    deinit { freed(pthread_equal(pthread_self(), caller) != 0) }
}

@Suite struct ReleaseInBackgroundTests {
    /// Whether the task or the caller lets go last is a race, so it is run
    /// many times, each from a thread of its own that no task runs on.
    /// That thread lives until the value is freed: a thread started after
    /// it ended could reuse its stack, and with it its `pthread_t`.
    @Test func theValueIsFreedOnAnotherThreadThanTheCallers() async {
        var freedByCaller = 0
        for _ in 0..<500 {
            let byCaller = await withCheckedContinuation { (done: CheckedContinuation<Bool, Never>) in
                Thread {
                    let freed = DispatchSemaphore(value: 0)
                    releaseInBackground(Watched(caller: pthread_self()) { byCaller in
                        done.resume(returning: byCaller)
                        freed.signal()
                    })
                    freed.wait()
                }.start()
            }
            if byCaller { freedByCaller += 1 }
        }
        #expect(freedByCaller == 0)
    }
}
