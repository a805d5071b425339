#pragma once
#include <cstdint>

namespace heapviz::heap {

/// HotSpot object layout, 64-bit, compressed oops and compressed class pointers (JDK 17 defaults).
/// Source: reference/jdk-facts.md §8 and reference/jvm17-measured.md §1.
namespace layout {
inline constexpr std::uint32_t kMarkWordOffset = 0;      ///< 8-byte mark word
inline constexpr std::uint32_t kKlassOffset = 8;         ///< 4-byte narrow klass pointer
inline constexpr std::uint32_t kObjectHeader = 12;       ///< first instance field offset
inline constexpr std::uint32_t kArrayLengthOffset = 12;  ///< 4-byte array length
inline constexpr std::uint32_t kArrayHeader = 16;        ///< first array element offset
inline constexpr std::uint32_t kAlignment = 8;           ///< ObjectAlignmentInBytes
inline constexpr std::uint32_t kMinObjectSize = 16;      ///< new Object()
inline constexpr std::uint32_t kOopSize = 4;             ///< a compressed reference

/// Mark word values (markWord.hpp): low two bits are the lock bits.
inline constexpr std::uint64_t kMarkUnlocked = 0x1;  ///< markWord::prototype(): no hash, unlocked
inline constexpr std::uint64_t kMarkLockMask = 0x3;
inline constexpr std::uint64_t kMarkMarked = 0x3;  ///< markWord::marked_value, set by MarkSweep

constexpr std::uint64_t align_up(std::uint64_t n, std::uint64_t a = kAlignment) {
  return (n + a - 1) / a * a;
}
constexpr std::uint64_t align_down(std::uint64_t n, std::uint64_t a) { return n / a * a; }
/// Bytes taken by an array of `length` elements of `elem_size` bytes: align8(16 + length*elem).
constexpr std::uint64_t array_size(std::uint64_t length, std::uint32_t elem_size) {
  return align_up(kArrayHeader + length * elem_size);
}
/// True if a mark word is "marked" (lock bits 0b11); during phases 2-4 its upper bits are the forwardee.
constexpr bool mark_is_marked(std::uint64_t mark) { return (mark & kMarkLockMask) == kMarkMarked; }
/// The forwarding address stored in a marked mark word (0 if only marked, not forwarded).
constexpr std::uint64_t mark_forwardee(std::uint64_t mark) { return mark & ~kMarkLockMask; }
/// markWord::encode_pointer_as_mark: the forwarding pointer with the marked bits set.
constexpr std::uint64_t mark_forwarded_to(std::uint64_t addr) { return addr | kMarkMarked; }
}  // namespace layout

/// Compressed oops: with a heap that ends at or below 4 GiB, HotSpot uses "unscaled" narrow oops,
/// where the 32-bit reference is the address itself (no base, no shift).
namespace narrow_oop {
inline constexpr std::uint64_t kUnscaledMax = std::uint64_t{1} << 32;  ///< UnscaledOopHeapMax
constexpr std::uint32_t encode(std::uint64_t addr) { return static_cast<std::uint32_t>(addr); }
constexpr std::uint64_t decode(std::uint32_t v) { return v; }
}  // namespace narrow_oop

}  // namespace heapviz::heap
