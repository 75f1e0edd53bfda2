#if canImport(Glibc)
    import Glibc
#endif

/// Limits a process sets on itself before it reads anything a stranger sent.
public enum ProcessLimits {
    /// Caps this process's address space at `bytes`: past it, allocations fail and the process ends,
    /// instead of the machine running out of memory.
    public static func limitMemory(to bytes: Int) {
        var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
        setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }
}
