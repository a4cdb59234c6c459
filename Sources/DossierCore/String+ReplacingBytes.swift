extension String {
    /// This text with some of its UTF-8 bytes replaced. `replacement` is
    /// asked about each position and returns the text to write instead of the
    /// `length` bytes there (empty to drop them), or nil to keep the byte.
    /// Bytes kept are copied in runs, so escaping text that needs little of
    /// it costs little more than copying it.
    public func replacingBytes(_ replacement: (_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (text: String, length: Int)?) -> String {
        var text = self
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            var start = 0
            var index = 0
            while index < bytes.count {
                guard let (replacing, length) = replacement(bytes, index) else {
                    index += 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(bytes.count + bytes.count / 8 + 16) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: replacing.utf8)
                index += length
                start = index
            }
            guard start > 0 else { return self }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return String(decoding: output, as: UTF8.self)
        }
    }
}
