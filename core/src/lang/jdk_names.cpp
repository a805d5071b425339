#include "jdk_names.hpp"

#include "heapviz/lang/ast.hpp"
#include "heapviz/lang/jdk_wrapper.hpp"

namespace heapviz::lang::interp {
namespace {

constexpr JdkClass kClasses[] = {
#include "jdk17_names.inc"
};

}  // namespace

bool JdkClass::has_member(std::string_view member) const {
  std::size_t start = 0;
  while (start <= members.size()) {
    std::size_t end = members.find(' ', start);
    if (end == std::string_view::npos) end = members.size();
    if (members.substr(start, end - start) == member) return true;
    start = end + 1;
  }
  return false;
}

const JdkClass* jdk_class(std::string_view package, std::string_view simple) {
  for (const JdkClass& c : kClasses)
    if (c.name == simple && c.package == package) return &c;
  return nullptr;
}

JdkScope jdk_scope_of(const lang::Program& program) {
  JdkScope scope;
  for (const Import& i : program.imports) {
    if (i.is_static) continue;
    if (i.on_demand)
      scope.add_package(i.name);
    else
      scope.add_single_type(i.name);
  }
  if (program.main_class && program.main_class->synthesized) {
    // "import java.nio.*; import java.io.*; ..."
    const std::string_view imports = kBareBodyImports;
    for (std::size_t at = imports.find("import "); at != std::string_view::npos;
         at = imports.find("import ", at + 1)) {
      const std::size_t from = at + 7, star = imports.find(".*;", from);
      if (star != std::string_view::npos) scope.add_package(imports.substr(from, star - from));
    }
  }
  return scope;
}

const JdkClass* JdkScope::find(std::string_view name) const {
  // A qualified name: the longest package prefix that has such a class.
  for (std::size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0;
       dot = name.rfind('.', dot - 1)) {
    if (const JdkClass* c = jdk_class(name.substr(0, dot), name.substr(dot + 1))) return c;
    if (dot == 0) break;
  }
  for (const std::string& q : singles_) {
    const std::size_t dot = q.rfind('.');
    if (dot != std::string::npos && q.substr(dot + 1) == name.substr(0, name.find('.')))
      if (const JdkClass* c = jdk_class(q.substr(0, dot), name)) return c;
  }
  for (const std::string& p : packages_)
    if (const JdkClass* c = jdk_class(p, name)) return c;
  return nullptr;
}

}  // namespace heapviz::lang::interp
