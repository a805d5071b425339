#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heapviz::heap {

/// Index of a class in a KlassTable; stable for the table's lifetime.
using KlassId = std::uint16_t;

/// Java field types as the layout sees them (a reference is a 4-byte compressed oop).
enum class FieldType : std::uint8_t {
  boolean_,
  byte_,
  char_,
  short_,
  int_,
  float_,
  long_,
  double_,
  reference
};
/// Size in bytes of a field of this type (references: 4, compressed).
std::uint32_t field_size(FieldType t);
/// Java spelling: "int", "long", "Object" (for references) ...
std::string_view field_type_name(FieldType t);

/// One instance field at a fixed offset from the object start.
struct FieldInfo {
  std::string name;         ///< e.g. "hb"; may repeat across the hierarchy ("next" in Reference and Cleaner)
  std::string declared_in;  ///< simple name of the declaring class, e.g. "Buffer"
  FieldType type = FieldType::int_;
  std::uint32_t offset = 0;  ///< bytes from the object start
  std::string ref_type;      ///< for references: the declared class name ("" = Object)
  std::uint8_t depth = 0;    ///< depth of the declaring class below java.lang.Object (subclass hides super)
};

enum class KlassKind : std::uint8_t { instance, type_array, object_array };
/// java.lang.ref.Reference subclasses get special treatment by the collector (referent not traced).
enum class ReferenceKind : std::uint8_t { none, weak, phantom };

/// A class as HotSpot's Klass would describe it: layout, size, reference map.
struct Klass {
  std::string name;           ///< Java name: "java.lang.Object", "byte[]", "Node"
  std::string internal_name;  ///< JVM name: "java/lang/Object", "[B"
  KlassKind kind = KlassKind::instance;
  std::uint32_t instance_size = 16;  ///< bytes, aligned (instances only)
  std::uint32_t elem_size = 0;       ///< arrays: bytes per element
  FieldType elem_type = FieldType::byte_;
  std::vector<FieldInfo> fields;           ///< instances: all fields including inherited, by offset
  std::vector<std::uint32_t> ref_offsets;  ///< offsets of reference fields that the GC traces
  /// Offsets of every reference field, the referent included: what a moving GC must adjust. HotSpot
  /// treats Reference.referent as special only for discovery (marking), never for pointer adjustment.
  std::vector<std::uint32_t> all_ref_offsets;
  ReferenceKind reference_kind = ReferenceKind::none;
  std::uint32_t referent_offset = 0;  ///< Reference.referent (12) when reference_kind != none
  std::uint32_t narrow_klass = 0;     ///< value stored in the header's 4-byte klass field

  bool is_array() const { return kind != KlassKind::instance; }
  /// The field named `name` (the most derived one if a subclass hides a superclass field), or nullptr.
  const FieldInfo* field(std::string_view name) const;
  /// The field at `offset`, or nullptr.
  const FieldInfo* field_at(std::uint32_t offset) const;
};

/// Declaration of a user class field for register_class (layout is computed).
struct FieldDecl {
  std::string name;
  FieldType type = FieldType::int_;
  std::string ref_type;  ///< for references: declared class ("" = Object)
};

/// All classes the simulated JVM knows. Built-ins come first with fixed ids (see builtin namespace);
/// user classes are laid out as JDK 15+'s FieldLayoutBuilder does: primitives by decreasing size, then
/// references, each in the first aligned gap after the 12-byte header (gaps of the superclass included).
class KlassTable {
 public:
  KlassTable();  ///< with the built-in classes

  std::size_t size() const { return klasses_.size(); }
  const Klass& at(KlassId id) const { return klasses_.at(id); }
  std::optional<KlassId> find(std::string_view name) const;
  /// Klass for a narrow klass value read from a header, or nullopt if none has it.
  std::optional<KlassId> by_narrow(std::uint32_t narrow) const {
    const std::uint32_t rel = narrow - kNarrowKlassBase;
    if (narrow < kNarrowKlassBase || (rel & (kNarrowKlassStride - 1)) != 0 ||
        rel / kNarrowKlassStride >= klasses_.size())
      return std::nullopt;
    return static_cast<KlassId>(rel / kNarrowKlassStride);
  }
  /// The Klass for a narrow klass value, or nullptr (the GC's hot path).
  const Klass* klass_of_narrow(std::uint32_t narrow) const {
    const std::uint32_t rel = narrow - kNarrowKlassBase;
    const std::uint32_t id = rel / kNarrowKlassStride;
    if (narrow < kNarrowKlassBase || (rel & (kNarrowKlassStride - 1)) != 0 || id >= klasses_.size())
      return nullptr;
    return &klasses_[id];
  }

  /// Plausible narrow klass values: JDK 17 with CDS encodes class pointers with base 0x800000000 and
  /// shift 0, so archived classes have small values. These are illustrative, not measured.
  static constexpr std::uint32_t kNarrowKlassBase = 0x00001000;
  static constexpr std::uint32_t kNarrowKlassStride = 0x100;

  /// Registers a user class (e.g. a lesson's `static class Node { Node next; int v; }`).
  /// Returns the existing id if a class with the same name and fields exists already;
  /// throws std::invalid_argument for a duplicate name with different fields or an unknown super.
  KlassId register_class(std::string name, const std::vector<FieldDecl>& fields,
                         std::string_view super_name = "java.lang.Object");
  /// Registers a Reference subclass whose referent (offset 12) the collector does not trace
  /// (a test double, or the JDK's Cleaner). Same layout rules as register_class, super = Reference.
  KlassId register_reference_class(std::string name, ReferenceKind kind,
                                   const std::vector<FieldDecl>& extra_fields);

  /// The array class with elements of `elem` (e.g. byte[] for byte_, Object[] for reference).
  KlassId array_of(FieldType elem) const;
  /// The array class of references named `name` ("int[][]", JVM name "[[I"), added on first use: its
  /// elements are traced like Object[]'s, only its name differs.
  KlassId object_array_of(std::string_view name, std::string_view internal_name);

 private:
  KlassId add(Klass k);
  std::vector<Klass> klasses_;
};

/// Fixed ids of the built-in classes in every KlassTable.
namespace builtin {
inline constexpr KlassId kObject = 0;            ///< java.lang.Object, 16 bytes
inline constexpr KlassId kByteArray = 1;         ///< byte[]
inline constexpr KlassId kIntArray = 2;          ///< int[] (also HotSpot's filler for dead space)
inline constexpr KlassId kLongArray = 3;         ///< long[]
inline constexpr KlassId kCharArray = 4;         ///< char[]
inline constexpr KlassId kObjectArray = 5;       ///< Object[]
inline constexpr KlassId kReference = 6;         ///< java.lang.ref.Reference (abstract), 28 -> 32 bytes
inline constexpr KlassId kHeapByteBuffer = 7;    ///< java.nio.HeapByteBuffer, 56 bytes
inline constexpr KlassId kDirectByteBuffer = 8;  ///< java.nio.DirectByteBuffer, 64 bytes
inline constexpr KlassId kCleaner = 9;           ///< jdk.internal.ref.Cleaner, 40 bytes (phantom)
inline constexpr KlassId kDeallocator = 10;      ///< java.nio.DirectByteBuffer$Deallocator, 32 bytes
inline constexpr KlassId kString =
    11;  ///< java.lang.String, 24 bytes (hash@12, coder@16, hashIsZero@17, value@20)
inline constexpr KlassId kCount = 12;
}  // namespace builtin

}  // namespace heapviz::heap
