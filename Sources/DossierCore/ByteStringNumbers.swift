import Glibc

/// Byte strings (slugs, paths as UTF-8) numbered from 0 in the order they
/// were first added, and found by their bytes.
///
/// A build looks up hundreds of thousands of slugs and paths (every
/// mention's entity, every link of every page). A `Dictionary` hashes each
/// key with `Hasher`, whose set-up and finish cost more than reading a slug;
/// this table folds the bytes eight at a time into one word with a
/// multiply, keeps the keys' bytes in one buffer, and probes an open table
/// of numbers. The fold starts from a random seed, so no set of keys
/// collides on every run; only lookups depend on it, never an order.
public struct ByteStringNumbers: Sendable {
    /// A key found by its number: where its bytes are, and the low half of
    /// its hash, which picks its slot and passes over most other keys
    /// without reading their bytes. A look-up reads its slot and the key's
    /// bytes, and nothing else.
    private struct Slot {
        /// The key's number plus one; 0 for an empty slot.
        var entry: UInt32 = 0
        var hash: UInt32 = 0
        var start: UInt32 = 0
        var count: UInt32 = 0
    }

    /// The keys' bytes, one after another.
    private var keyBytes: [UInt8] = []
    /// A power of two of slots, at least twice as many as the keys.
    private var slots: [Slot]
    public private(set) var count = 0

    /// An empty table with room for `capacity` keys before it grows.
    public init(capacity: Int = 8) {
        var slotCount = 16
        while slotCount < 2 * capacity { slotCount *= 2 }
        slots = Array(repeating: Slot(), count: slotCount)
    }

    /// `keys` numbered by their positions in it; a repeated key is found at its first.
    public init(_ keys: some Collection<String>) {
        self.init(capacity: keys.count)
        for key in keys { _ = withUTF8(of: key) { append($0) } }
    }

    /// The number of `key`; nil when it was never added.
    public func number(of key: ArraySlice<UInt8>) -> Int? {
        // A closure, not `number(of:)` itself: a method passed as a function
        // copies `self`, retaining and releasing both its arrays on every
        // look-up, and a site-wide table is read from both cores at once.
        key.withUnsafeBufferPointer { number(of: $0) }
    }

    /// The number of the string whose UTF-8 is `key`; nil when it was never added.
    public func number(of key: String) -> Int? {
        withUTF8(of: key) { number(of: $0) }
    }

    private func number(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        find(key, hash: hash(key)).number
    }

    /// Numbers `key`, unless it was added before: its number, and whether it is new.
    @discardableResult
    public mutating func add(_ key: ArraySlice<UInt8>) -> (number: Int, isNew: Bool) {
        key.withUnsafeBufferPointer { add($0) }
    }

    /// Numbers the bytes `key` points at, unless they were added before:
    /// their number, and whether it is new.
    @discardableResult
    public mutating func add(_ key: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        if let number = number(of: key) { return (number, false) }
        return (append(key), true)
    }

    /// Gives `key` the next number, and makes it found by it unless an
    /// earlier key has the same bytes.
    @discardableResult
    private mutating func append(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = hash(key)
        let found = find(key, hash: hash)
        let number = count
        count += 1
        guard found.number == nil else { return number }
        slots[found.slot] = Slot(entry: UInt32(number + 1), hash: hash, start: UInt32(keyBytes.count), count: UInt32(key.count))
        keyBytes.append(contentsOf: key)
        if 2 * count > slots.count { grow() }
        return number
    }

    /// The number of `key` if it is there, and else the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (number: Int?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            keyBytes.withUnsafeBufferPointer { keyBytes in
                let mask = slots.count - 1
                var slot = Int(hash) & mask
                while slots[slot].entry != 0 {
                    let candidate = slots[slot]
                    if candidate.hash == hash, Int(candidate.count) == key.count,
                       key.isEmpty || memcmp(keyBytes.baseAddress! + Int(candidate.start), key.baseAddress!, key.count) == 0 {
                        return (Int(candidate.entry) - 1, slot)
                    }
                    slot = (slot + 1) & mask
                }
                return (nil, slot)
            }
        }
    }

    /// Doubles the slots and places every key again.
    private mutating func grow() {
        let placed = slots.filter { $0.entry != 0 }
        slots = Array(repeating: Slot(), count: slots.count * 2)
        let mask = slots.count - 1
        for key in placed {
            var slot = Int(key.hash) & mask
            while slots[slot].entry != 0 { slot = (slot + 1) & mask }
            slots[slot] = key
        }
    }

    /// The bytes folded eight at a time into one word, then mixed so
    /// that the low bits, which pick the slot, depend on all of them.
    private func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let raw = UnsafeRawBufferPointer(bytes)
        var folded = hashSeed ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= raw.count {
            folded = (folded ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            folded ^= folded >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        for byte in raw[offset...].reversed() { tail = tail << 8 | UInt64(byte) }
        folded = (folded ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return UInt32(truncatingIfNeeded: folded ^ folded >> 32)
    }
}

/// Where every table's hash starts: random, so that no set of keys
/// collides on every run, and drawn once, not for each table.
private let hashSeed = UInt64.random(in: .min ... .max)
