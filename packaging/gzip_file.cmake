# cmake -DINPUT=… -DOUTPUT=… -P gzip_file.cmake
# Compresses one file the way Debian wants it: best compression, no name or time stamp inside
# (so the same input always gives the same package).
execute_process(COMMAND gzip -9 -n -c "${INPUT}" OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE "${OUTPUT}")
  message(FATAL_ERROR "gzip failed on ${INPUT}")
endif()
