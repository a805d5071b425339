# Runs scripts/check-layers.py on a tree that breaks the layering and passes only when the check fails
# (non-zero exit) and names every expected `file:line`, so a check that can no longer fail is caught.
# Usage: cmake -DPYTHON=... -DSCRIPT=... -DROOT=... -DEXPECT=path:line,path:line -P expect_failure.cmake
execute_process(COMMAND "${PYTHON}" "${SCRIPT}" --root "${ROOT}" OUTPUT_VARIABLE out ERROR_VARIABLE err
                RESULT_VARIABLE rc)
if(rc EQUAL 0)
  message(FATAL_ERROR "check-layers.py accepted ${ROOT}, which has wrong-way includes:\n${out}")
endif()
string(REPLACE "," ";" expected "${EXPECT}")
foreach(where IN LISTS expected)
  string(FIND "${out}" "${where}: layer" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "check-layers.py did not name ${where}; it printed:\n${out}${err}")
  endif()
endforeach()
message(STATUS "check-layers.py rejected ${ROOT} as expected:\n${out}")
