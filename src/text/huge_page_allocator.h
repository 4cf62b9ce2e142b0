// An allocator for large, randomly read arrays (the perceptron's frozen
// tables): blocks of 2 MiB or more are aligned to 2 MiB and, on Linux,
// marked for transparent huge pages, so that a lookup in a table of tens of
// MiB costs a cache miss but seldom a TLB miss as well. Where huge pages
// are off or unknown, it behaves like std::allocator.

#ifndef CLAIMGRAPH_TEXT_HUGE_PAGE_ALLOCATOR_H_
#define CLAIMGRAPH_TEXT_HUGE_PAGE_ALLOCATOR_H_

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace claimgraph {

template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return std::allocator<T>().allocate(n);
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(p, rounded, MADV_HUGEPAGE);  // A hint: failure changes nothing.
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHugePage) {
      std::allocator<T>().deallocate(p, n);
    } else {
      std::free(p);
    }
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

// A vector whose large buffers sit on huge pages.
template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TEXT_HUGE_PAGE_ALLOCATOR_H_
