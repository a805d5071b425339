# Fails when a doctest case name contains ';': doctest_discover_tests splits such a name into pieces
# that match no case, so CTest would report a pass for a test that never ran.
# Usage: cmake -DTEST_BINARY=path -P check_test_names.cmake
execute_process(COMMAND "${TEST_BINARY}" --list-test-cases --no-version=true
                OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${TEST_BINARY} --list-test-cases failed (${rc})")
endif()
string(REGEX MATCHALL "[^\n]*;[^\n]*" bad "${out}")
if(bad)
  message(FATAL_ERROR "test case names must not contain ';' (CTest would run nothing for them): ${bad}")
endif()
string(REGEX MATCHALL "\n" lines "${out}")
list(LENGTH lines n)
message(STATUS "${n} lines of test case names checked")
