#include "heapviz/heap/klass.hpp"

#include <algorithm>
#include <stdexcept>

#include "heapviz/heap/object_layout.hpp"

namespace heapviz::heap {

namespace {
// Depth of the JDK classes that declare fields (Object = 0).
std::uint8_t depth_of(const std::string& in) {
  if (in == "Buffer" || in == "Reference" || in == "Deallocator") return 1;
  if (in == "ByteBuffer" || in == "Cleaner") return 2;
  if (in == "MappedByteBuffer") return 3;
  return 4;  // DirectByteBuffer
}
FieldInfo ref(std::string name, std::string in, std::uint32_t off, std::string type = "") {
  const std::uint8_t d = depth_of(in);
  return FieldInfo{std::move(name), std::move(in), FieldType::reference, off, std::move(type), d};
}
FieldInfo prim(std::string name, std::string in, FieldType t, std::uint32_t off) {
  const std::uint8_t d = depth_of(in);
  return FieldInfo{std::move(name), std::move(in), t, off, "", d};
}

Klass instance(std::string name, std::string internal, std::uint32_t size, std::vector<FieldInfo> fields) {
  Klass k;
  k.name = std::move(name);
  k.internal_name = std::move(internal);
  k.kind = KlassKind::instance;
  k.instance_size = size;
  k.fields = std::move(fields);
  return k;
}

Klass array(std::string name, std::string internal, FieldType elem) {
  Klass k;
  k.name = std::move(name);
  k.internal_name = std::move(internal);
  k.kind = elem == FieldType::reference ? KlassKind::object_array : KlassKind::type_array;
  k.elem_type = elem;
  k.elem_size = field_size(elem);
  k.instance_size = 0;
  return k;
}

// Buffer and ByteBuffer fields at their JDK 17.0.15 offsets (jdk-facts.md §8).
std::vector<FieldInfo> byte_buffer_fields() {
  return {prim("mark", "Buffer", FieldType::int_, 12),
          prim("address", "Buffer", FieldType::long_, 16),
          prim("position", "Buffer", FieldType::int_, 24),
          prim("limit", "Buffer", FieldType::int_, 28),
          prim("capacity", "Buffer", FieldType::int_, 32),
          ref("segment", "Buffer", 36, "MemorySegmentProxy"),
          prim("offset", "ByteBuffer", FieldType::int_, 40),
          prim("isReadOnly", "ByteBuffer", FieldType::boolean_, 44),
          prim("bigEndian", "ByteBuffer", FieldType::boolean_, 45),
          prim("nativeByteOrder", "ByteBuffer", FieldType::boolean_, 46),
          ref("hb", "ByteBuffer", 48, "byte[]")};
}

std::vector<FieldInfo> reference_fields() {
  return {ref("referent", "Reference", 12), ref("queue", "Reference", 16, "ReferenceQueue"),
          ref("next", "Reference", 20, "Reference"), ref("discovered", "Reference", 24, "Reference")};
}

bool same_fields(const Klass& k, const std::vector<FieldDecl>& decls) {
  std::size_t own = 0;
  for (const auto& f : k.fields)
    if (f.declared_in == k.name) ++own;
  if (own != decls.size()) return false;
  for (const auto& d : decls) {
    const FieldInfo* f = k.field(d.name);
    if (f == nullptr || f->type != d.type || f->declared_in != k.name) return false;
  }
  return true;
}
// The two reference maps: what marking traces (a Reference's referent is left to discovery) and what a
// moving GC adjusts (every reference field).
void compute_ref_maps(Klass& k) {
  k.ref_offsets.clear();
  k.all_ref_offsets.clear();
  for (const auto& f : k.fields) {
    if (f.type != FieldType::reference) continue;
    k.all_ref_offsets.push_back(f.offset);
    if (!(k.reference_kind != ReferenceKind::none && f.offset == k.referent_offset))
      k.ref_offsets.push_back(f.offset);
  }
}

}  // namespace

std::uint32_t field_size(FieldType t) {
  switch (t) {
    case FieldType::boolean_:
    case FieldType::byte_:
      return 1;
    case FieldType::char_:
    case FieldType::short_:
      return 2;
    case FieldType::int_:
    case FieldType::float_:
    case FieldType::reference:
      return 4;
    case FieldType::long_:
    case FieldType::double_:
      return 8;
  }
  return 4;
}

std::string_view field_type_name(FieldType t) {
  switch (t) {
    case FieldType::boolean_:
      return "boolean";
    case FieldType::byte_:
      return "byte";
    case FieldType::char_:
      return "char";
    case FieldType::short_:
      return "short";
    case FieldType::int_:
      return "int";
    case FieldType::float_:
      return "float";
    case FieldType::long_:
      return "long";
    case FieldType::double_:
      return "double";
    case FieldType::reference:
      return "Object";
  }
  return "?";
}

const FieldInfo* Klass::field(std::string_view n) const {
  const FieldInfo* found = nullptr;
  for (const auto& f : fields)
    if (f.name == n && (found == nullptr || f.depth > found->depth)) found = &f;
  return found;
}

const FieldInfo* Klass::field_at(std::uint32_t offset) const {
  for (const auto& f : fields)
    if (f.offset == offset) return &f;
  return nullptr;
}

KlassTable::KlassTable() {
  add(instance("java.lang.Object", "java/lang/Object", 16, {}));
  add(array("byte[]", "[B", FieldType::byte_));
  add(array("int[]", "[I", FieldType::int_));
  add(array("long[]", "[J", FieldType::long_));
  add(array("char[]", "[C", FieldType::char_));
  add(array("Object[]", "[Ljava/lang/Object;", FieldType::reference));
  {
    Klass r = instance("java.lang.ref.Reference", "java/lang/ref/Reference", 32, reference_fields());
    r.reference_kind = ReferenceKind::weak;  // abstract; only its subclasses are ever allocated
    r.referent_offset = 12;
    add(std::move(r));
  }
  add(instance("java.nio.HeapByteBuffer", "java/nio/HeapByteBuffer", 56, byte_buffer_fields()));
  {
    auto f = byte_buffer_fields();
    f.push_back(prim("isSync", "MappedByteBuffer", FieldType::boolean_, 47));
    f.push_back(ref("fd", "MappedByteBuffer", 52, "FileDescriptor"));
    f.push_back(ref("att", "DirectByteBuffer", 56));
    f.push_back(ref("cleaner", "DirectByteBuffer", 60, "Cleaner"));
    add(instance("java.nio.DirectByteBuffer", "java/nio/DirectByteBuffer", 64, std::move(f)));
  }
  {
    auto f = reference_fields();
    f.push_back(ref("next", "Cleaner", 28, "Cleaner"));
    f.push_back(ref("prev", "Cleaner", 32, "Cleaner"));
    f.push_back(ref("thunk", "Cleaner", 36, "Runnable"));
    Klass c = instance("jdk.internal.ref.Cleaner", "jdk/internal/ref/Cleaner", 40, std::move(f));
    c.reference_kind = ReferenceKind::phantom;
    c.referent_offset = 12;
    add(std::move(c));
  }
  add(instance("java.nio.DirectByteBuffer$Deallocator", "java/nio/DirectByteBuffer$Deallocator", 32,
               {prim("capacity", "Deallocator", FieldType::int_, 12),
                prim("address", "Deallocator", FieldType::long_, 16),
                prim("size", "Deallocator", FieldType::long_, 24)}));
  // JDK 17 String fields, laid out by the same rules as user classes; offsets checked with
  // Unsafe.objectFieldOffset on OpenJDK 17.0.15: hash@12 coder@16 hashIsZero@17 value@20.
  register_class("java.lang.String", {{"value", FieldType::reference, "byte[]"},
                                      {"coder", FieldType::byte_, ""},
                                      {"hash", FieldType::int_, ""},
                                      {"hashIsZero", FieldType::boolean_, ""}});
  klasses_.back().internal_name = "java/lang/String";
}

KlassId KlassTable::add(Klass k) {
  const auto id = static_cast<KlassId>(klasses_.size());
  k.narrow_klass = kNarrowKlassBase + id * kNarrowKlassStride;
  std::sort(k.fields.begin(), k.fields.end(),
            [](const FieldInfo& a, const FieldInfo& b) { return a.offset < b.offset; });
  compute_ref_maps(k);
  klasses_.push_back(std::move(k));
  return id;
}

std::optional<KlassId> KlassTable::find(std::string_view name) const {
  for (std::size_t i = 0; i < klasses_.size(); ++i)
    if (klasses_[i].name == name || klasses_[i].internal_name == name) return static_cast<KlassId>(i);
  return std::nullopt;
}

KlassId KlassTable::array_of(FieldType elem) const {
  switch (elem) {
    case FieldType::byte_:
    case FieldType::boolean_:
      return builtin::kByteArray;
    case FieldType::int_:
    case FieldType::float_:
      return builtin::kIntArray;
    case FieldType::long_:
    case FieldType::double_:
      return builtin::kLongArray;
    case FieldType::char_:
    case FieldType::short_:
      return builtin::kCharArray;
    case FieldType::reference:
      return builtin::kObjectArray;
  }
  return builtin::kObjectArray;
}

KlassId KlassTable::object_array_of(std::string_view name, std::string_view internal_name) {
  if (const auto existing = find(internal_name)) return *existing;
  return add(array(std::string(name), std::string(internal_name), FieldType::reference));
}

KlassId KlassTable::register_class(std::string name, const std::vector<FieldDecl>& decls,
                                   std::string_view super_name) {
  if (auto existing = find(name)) {
    if (same_fields(klasses_[*existing], decls)) return *existing;
    throw std::invalid_argument("class " + name + " is already registered with other fields");
  }
  const auto super_id = find(super_name);
  if (!super_id || klasses_[*super_id].is_array())
    throw std::invalid_argument("unknown superclass " + std::string(super_name) + " for class " + name);
  const Klass& super = klasses_[*super_id];

  // JDK 15+ FieldLayoutBuilder: primitives by decreasing size (declaration order among equals), then
  // references; each goes into the first gap at or after the header that fits it aligned to its size.
  std::vector<bool> used(layout::kObjectHeader, true);
  for (const auto& f : super.fields) {
    const std::uint32_t end = f.offset + field_size(f.type);
    if (used.size() < end) used.resize(end, false);
    for (std::uint32_t b = f.offset; b < end; ++b) used[b] = true;
  }
  std::vector<const FieldDecl*> order;
  for (const auto& d : decls) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](const FieldDecl* a, const FieldDecl* b) {
    const bool ra = a->type == FieldType::reference, rb = b->type == FieldType::reference;
    if (ra != rb) return rb;  // primitives first
    return field_size(a->type) > field_size(b->type);
  });
  Klass k = instance(name, name, 0, super.fields);
  std::uint8_t depth = 1;
  for (const auto& f : super.fields)
    depth = std::max<std::uint8_t>(depth, static_cast<std::uint8_t>(f.depth + 1));
  k.reference_kind = super.reference_kind;
  k.referent_offset = super.referent_offset;
  for (const FieldDecl* d : order) {
    for (const auto& f : k.fields)
      if (f.name == d->name && f.declared_in == name)
        throw std::invalid_argument("duplicate field " + d->name + " in class " + name);
    const std::uint32_t size = field_size(d->type);
    std::uint32_t off = static_cast<std::uint32_t>(layout::align_up(layout::kObjectHeader, size));
    for (;; off += size) {
      bool fits = true;
      for (std::uint32_t b = off; b < off + size && fits; ++b) fits = b >= used.size() || !used[b];
      if (fits) break;
    }
    if (used.size() < off + size) used.resize(off + size, false);
    for (std::uint32_t b = off; b < off + size; ++b) used[b] = true;
    k.fields.push_back(FieldInfo{d->name, name, d->type, off, d->ref_type, depth});
  }
  k.instance_size =
      static_cast<std::uint32_t>(layout::align_up(std::max<std::size_t>(used.size(), layout::kObjectHeader)));
  k.instance_size = std::max(k.instance_size, layout::kMinObjectSize);
  return add(std::move(k));
}

KlassId KlassTable::register_reference_class(std::string name, ReferenceKind kind,
                                             const std::vector<FieldDecl>& extra) {
  if (kind == ReferenceKind::none) throw std::invalid_argument("a reference class needs a reference kind");
  const KlassId id = register_class(std::move(name), extra, "java.lang.ref.Reference");
  Klass& k = klasses_[id];
  k.reference_kind = kind;
  k.referent_offset = 12;
  compute_ref_maps(k);
  return id;
}

}  // namespace heapviz::heap
