// CAllocator has no interface: allocator.c sets the allocator's options.
