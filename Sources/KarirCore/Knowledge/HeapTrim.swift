#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory freed after a knowledge load (YAML trees, analysis of every example,
/// training buffers) back to the operating system. glibc keeps freed heap pages mapped, so
/// without this the process keeps the peak of the load as its resident size.
///
/// `malloc_trim` is glibc's and not in the Swift Glibc module, so it is looked up at run time;
/// on another C library this does nothing.
enum HeapTrim {
    static func afterLoad() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
