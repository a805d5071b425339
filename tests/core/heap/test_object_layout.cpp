#include <doctest/doctest.h>

#include <stdexcept>

#include "heapviz/heap/klass.hpp"
#include "heapviz/heap/object_layout.hpp"

using namespace heapviz::heap;

TEST_CASE("built-in classes have the JDK 17 sizes measured with compressed oops") {
  KlassTable t;
  CHECK(t.at(builtin::kObject).instance_size == 16);
  CHECK(layout::array_size(512, t.at(builtin::kByteArray).elem_size) == 528);
  CHECK(layout::array_size(0, 1) == 16);
  CHECK(layout::array_size(1, 1) == 24);
  CHECK(layout::array_size(4096, 1) == 4112);
  CHECK(layout::array_size(10, t.at(builtin::kObjectArray).elem_size) == 56);
  CHECK(t.at(builtin::kHeapByteBuffer).instance_size == 56);
  CHECK(t.at(builtin::kDirectByteBuffer).instance_size == 64);
  CHECK(t.at(builtin::kCleaner).instance_size == 40);
  CHECK(t.at(builtin::kDeallocator).instance_size == 32);
  const Klass& str = t.at(builtin::kString);
  CHECK(str.name == "java.lang.String");
  CHECK(str.instance_size == 24);
  CHECK(str.field("hash")->offset == 12);
  CHECK(str.field("coder")->offset == 16);
  CHECK(str.field("value")->offset == 20);
  CHECK(t.size() == builtin::kCount);
}

TEST_CASE("field offsets follow jdk-facts.md section 8") {
  KlassTable t;
  const Klass& hbb = t.at(builtin::kHeapByteBuffer);
  CHECK(hbb.field("hb")->offset == 48);
  CHECK(hbb.field("address")->offset == 16);
  CHECK(hbb.field("segment")->offset == 36);
  CHECK(hbb.ref_offsets == std::vector<std::uint32_t>{36, 48});
  const Klass& dbb = t.at(builtin::kDirectByteBuffer);
  CHECK(dbb.field("att")->offset == 56);
  CHECK(dbb.field("cleaner")->offset == 60);
  CHECK(dbb.field("fd")->offset == 52);
  CHECK(dbb.field("isSync")->offset == 47);
  const Klass& cl = t.at(builtin::kCleaner);
  CHECK(cl.reference_kind == ReferenceKind::phantom);
  CHECK(cl.field("referent")->offset == 12);
  CHECK(cl.field("thunk")->offset == 36);
  CHECK(cl.field("next")->offset == 28);  // Cleaner.next hides Reference.next (20)
  // The referent is not traced: a Cleaner does not keep its buffer alive.
  CHECK(cl.ref_offsets == std::vector<std::uint32_t>{16, 20, 24, 28, 32, 36});
  const Klass& d = t.at(builtin::kDeallocator);
  CHECK(d.field("capacity")->offset == 12);
  CHECK(d.field("address")->offset == 16);
  CHECK(d.field("size")->offset == 24);
}

// Every offset below was checked with Unsafe.objectFieldOffset on OpenJDK 17.0.15 (this VM).
TEST_CASE("user classes are laid out like JDK 15+ FieldLayoutBuilder") {
  KlassTable t;
  // static class Node { Node next; int v; }: int fills the gap at 12, the reference goes to 16.
  const KlassId node =
      t.register_class("Node", {{"next", FieldType::reference, "Node"}, {"v", FieldType::int_, ""}});
  CHECK(t.at(node).instance_size == 24);
  CHECK(t.at(node).field("v")->offset == 12);
  CHECK(t.at(node).field("next")->offset == 16);
  // A long cannot go at 12; an int takes the gap; the reference follows the long.
  const KlassId a = t.register_class(
      "A", {{"r", FieldType::reference, ""}, {"x", FieldType::long_, ""}, {"y", FieldType::int_, ""}});
  CHECK(t.at(a).field("x")->offset == 16);
  CHECK(t.at(a).field("y")->offset == 12);
  CHECK(t.at(a).field("r")->offset == 24);
  CHECK(t.at(a).instance_size == 32);
  // Bytes pack into gaps; an empty class is 16 bytes.
  const KlassId e = t.register_class("E", {});
  CHECK(t.at(e).instance_size == 16);
  const KlassId b = t.register_class("B", {{"a", FieldType::byte_, ""}, {"b", FieldType::boolean_, ""}});
  CHECK(t.at(b).field("a")->offset == 12);
  CHECK(t.at(b).field("b")->offset == 13);
  CHECK(t.at(b).instance_size == 16);
  // Subclass fields fill the superclass's tail gap.
  const KlassId sub = t.register_class("Sub", {{"z", FieldType::int_, ""}}, "B");
  CHECK(t.at(sub).field("z")->offset == 16);
  CHECK(t.at(sub).instance_size == 24);
  // A subclass field with the same name hides the superclass's, wherever it is placed.
  const KlassId hide = t.register_class("Hide", {{"a", FieldType::int_, ""}}, "B");
  CHECK(t.at(hide).field("a")->declared_in == "Hide");
  CHECK(t.at(hide).field("a")->offset == 16);
  // class C { long l; Object o; byte b; short s; }: l@16 s@12 b@14 o@24
  const KlassId c = t.register_class("C", {{"l", FieldType::long_, ""},
                                           {"o", FieldType::reference, ""},
                                           {"b", FieldType::byte_, ""},
                                           {"s", FieldType::short_, ""}});
  CHECK(t.at(c).field("l")->offset == 16);
  CHECK(t.at(c).field("s")->offset == 12);
  CHECK(t.at(c).field("b")->offset == 14);
  CHECK(t.at(c).field("o")->offset == 24);
  CHECK(t.at(c).instance_size == 32);
  // Registering again with the same fields returns the same id; other fields is an error.
  CHECK(t.register_class("Node", {{"next", FieldType::reference, "Node"}, {"v", FieldType::int_, ""}}) ==
        node);
  CHECK_THROWS_AS(t.register_class("Node", {{"w", FieldType::int_, ""}}), std::invalid_argument);
  CHECK_THROWS_AS(t.register_class("X", {}, "NoSuchClass"), std::invalid_argument);
}

TEST_CASE("narrow klass values decode back to their class") {
  KlassTable t;
  for (KlassId id = 0; id < t.size(); ++id) CHECK(t.by_narrow(t.at(id).narrow_klass) == id);
  CHECK_FALSE(t.by_narrow(0).has_value());
  CHECK(t.find("[B") == builtin::kByteArray);
  CHECK(t.find("java.nio.HeapByteBuffer") == builtin::kHeapByteBuffer);
}

TEST_CASE("mark word encodings") {
  CHECK(layout::mark_is_marked(0x3));
  CHECK_FALSE(layout::mark_is_marked(layout::kMarkUnlocked));
  CHECK(layout::mark_forwarded_to(0xfc000018) == 0xfc00001b);
  CHECK(layout::mark_forwardee(0xfc00001b) == 0xfc000018);
}
