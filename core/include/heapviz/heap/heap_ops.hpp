#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "heapviz/heap/java_heap.hpp"
#include "heapviz/heap/recorder.hpp"
#include "heapviz/heap/roots.hpp"

/// What a running Java program does to the heap: allocate, store references and values, set and
/// drop roots. Each call is one step (an allocation that fails first runs a GC, adding its steps).
/// Errors in the caller's use (unknown field, wrong type, dead object) throw std::invalid_argument;
/// Java-level failures throw heapviz::JavaException.
namespace heapviz::heap {

/// `new K()`: allocates a zeroed instance. May run a full GC; throws JavaException with
/// java.lang.OutOfMemoryError: Java heap space if the heap cannot hold it even after the GC.
ObjectId new_instance(HeapRecorder& r, KlassId k);
/// `new T[length]` for an array class (byte[], Object[] ...). Same GC and OOM behaviour.
ObjectId new_array(HeapRecorder& r, KlassId array_klass, std::uint32_t length);

/// obj.field = value (value may be kNoObject for null). The field must be a reference field.
void store_ref(HeapRecorder& r, ObjectId obj, std::string_view field, ObjectId value);
/// array[index] = value for an Object[] (ArrayIndexOutOfBoundsException as JavaException when out of range).
void store_element(HeapRecorder& r, ObjectId array, std::uint32_t index, ObjectId value);
/// obj.field = value for a primitive field (the value is truncated to the field's size).
void store_prim(HeapRecorder& r, ObjectId obj, std::string_view field, std::int64_t value);
/// Writes raw bytes into a byte[] starting at index (e.g. "hello").
void store_bytes(HeapRecorder& r, ObjectId array, std::uint32_t index, std::span<const std::uint8_t> bytes);

/// array[index] = value for a primitive array (byte[], int[], long[], char[]); truncated to the element size.
void store_prim_element(HeapRecorder& r, ObjectId array, std::uint32_t index, std::int64_t value);
/// array[index] of a primitive array, sign-extended (char: zero-extended) as Java would.
std::int64_t load_prim_element(const HeapMachine& m, ObjectId array, std::uint32_t index);

/// Reads a reference field / element (kNoObject for null).
ObjectId load_ref(const HeapMachine& m, ObjectId obj, std::string_view field);
ObjectId load_element(const HeapMachine& m, ObjectId array, std::uint32_t index);
/// Reads a primitive field, sign-extended as Java would.
std::int64_t load_prim(const HeapMachine& m, ObjectId obj, std::string_view field);

/// Makes (kind, scope, name) a root holding `value` (null allowed), defining the slot if new.
/// Returns the slot index. `x = null` is set_root(..., kNoObject): the reference really goes.
std::uint32_t set_root(HeapRecorder& r, RootKind kind, std::string_view scope, std::string_view name,
                       ObjectId value);
/// Shorthand for a local variable of thread/method `scope` (e.g. "main/main").
inline std::uint32_t set_local(HeapRecorder& r, std::string_view scope, std::string_view name,
                               ObjectId value) {
  return set_root(r, RootKind::local, scope, name, value);
}
/// Pops a frame: all active locals whose scope is `scope` stop being roots.
void drop_frame(HeapRecorder& r, std::string_view scope);
/// The object a root holds, or kNoObject (also when the root does not exist).
ObjectId root_value(const HeapMachine& m, RootKind kind, std::string_view scope, std::string_view name);

/// The object at the address a compressed reference holds (kNoObject for null).
ObjectId object_of_ref(const HeapMachine& m, std::uint32_t narrow);
/// A display name: "Node#3", "byte[512]#7".
std::string describe(const HeapMachine& m, ObjectId id);

}  // namespace heapviz::heap
