# The steps run_buffer_diff.cmake and run_io_diff.cmake share: compile the JDK side, run it on the real
# JDK, run the simulator's case runner against the JDK's output. Each step stops the test on failure,
# except the comparison, which reports (the caller decides when to fail). Uses JAVA, JAVAC, SOURCE, RUNNER.

# javac SOURCE into `classes`; `ARGN`: more javac options.
function(heapviz_javac classes)
  execute_process(COMMAND "${JAVAC}" ${ARGN} -d "${classes}" "${SOURCE}" RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "javac failed (${rc}):\n${err}")
  endif()
endfunction()

# java `flags` (a string, "-" or "" for none) -cp `classes` `main` ARGN > `out_file`.
function(heapviz_java flags classes main out_file)
  set(jvm_flags "")
  if(NOT flags STREQUAL "-")
    separate_arguments(jvm_flags UNIX_COMMAND "${flags}")
  endif()
  execute_process(COMMAND "${JAVA}" ${jvm_flags} -cp "${classes}" ${main} ${ARGN}
                  OUTPUT_FILE "${out_file}" RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "java ${flags} ${main} failed (${rc}):\n${err}")
  endif()
endfunction()

# RUNNER ARGN (its case file, --expect and --out ...): prints what it says; `ok_var` = whether it matched.
function(heapviz_compare ok_var prefix)
  execute_process(COMMAND "${RUNNER}" ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${prefix}${out}${err}")
  if(rc EQUAL 0)
    set(${ok_var} TRUE PARENT_SCOPE)
  else()
    set(${ok_var} FALSE PARENT_SCOPE)
  endif()
endfunction()
