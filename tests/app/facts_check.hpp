#pragma once
// Checks the app's drawn-facts log (heapviz screenshot --facts) against the core's view of the same step:
// "the app never draws a fact absent from the core's view".
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core_reference.hpp"

/// Problems found (empty = every drawn fact is in the core's view) for a screenshot taken at
/// `position` (--step position: the state after `position` steps, step position-1 narrated).
std::vector<std::string> check_drawn_facts(const nlohmann::json& facts, const CoreLesson& lesson,
                                           std::size_t position);

/// Reads a JSON file; null on failure.
nlohmann::json read_json(const std::string& path);
