#pragma once
// Unicode escapes as javac reads them (JLS 3.3): translated before lexing, everywhere in the source
// (private to core/src/lang).
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/lang/diagnostic.hpp"

namespace heapviz::lang {

/// The source after translation, and for every byte of it (plus one past the end) the line and
/// column of the original character it came from, so diagnostics point at what the user typed.
struct TranslatedSource {
  std::string text;
  std::vector<int> line;  ///< text.size() + 1 entries
  std::vector<int> col;   ///< text.size() + 1 entries
  std::vector<Diagnostic> diagnostics;
  bool had_escapes = false;
};

/// Translates `\uXXXX` (any number of `u`s) into its character (UTF-8; a high surrogate escape
/// followed by a low one becomes one code point). A backslash is an escape only when an even number
/// of raw backslashes precedes it, and the character an escape produces never starts another one.
/// Drops a leading byte-order mark. A malformed escape is reported and left as it is.
TranslatedSource translate_unicode_escapes(std::string_view source);

}  // namespace heapviz::lang
