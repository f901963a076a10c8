# Builds the fuzz targets (tests/fuzz, a clang project of its own) and registers each with ctest:
# a few seconds of fuzzing from its seed corpus, label "fuzz". New inputs go to the build tree,
# never into the source tree. The suite fuzzes from a fixed seed, so a run of the suite is
# repeatable and one commit passes or fails the same way each time; scripts/fuzz.sh explores
# with fresh seeds for as long as it is given, and what it finds joins the seed corpus. Needs clang with libFuzzer (Debian: clang, libclang-rt-14-dev).
find_program(MOIM_CLANGXX NAMES clang++-14 clang++)
set(moim_fuzzer_runtime "")
if(MOIM_CLANGXX)
  execute_process(COMMAND ${MOIM_CLANGXX} -print-runtime-dir
    OUTPUT_VARIABLE moim_clang_runtime_dir OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  file(GLOB moim_fuzzer_runtime "${moim_clang_runtime_dir}/libclang_rt.fuzzer*.a")
endif()
if(NOT moim_fuzzer_runtime)
  message(STATUS "Fuzz targets not built: clang++ with libFuzzer (libclang-rt-14-dev) not found")
  return()
endif()

include(ExternalProject)
set(moim_fuzz_build ${CMAKE_BINARY_DIR}/fuzz)
set(moim_fuzz_targets links otpauth_uri server_json message_text search message_entities
  upload_headers)
set(moim_fuzz_binaries "")
foreach(target ${moim_fuzz_targets})
  list(APPEND moim_fuzz_binaries ${moim_fuzz_build}/fuzz_${target})
endforeach()
ExternalProject_Add(moim_fuzzers
  SOURCE_DIR ${CMAKE_CURRENT_LIST_DIR}
  BINARY_DIR ${moim_fuzz_build}
  CMAKE_GENERATOR Ninja
  CMAKE_ARGS
    -DCMAKE_CXX_COMPILER=${MOIM_CLANGXX}
    -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
    -DMOIM_SOURCE_DIR=${CMAKE_SOURCE_DIR}
  BUILD_ALWAYS ON
  BUILD_BYPRODUCTS ${moim_fuzz_binaries}
  INSTALL_COMMAND "")

foreach(target ${moim_fuzz_targets})
  set(work_corpus ${CMAKE_BINARY_DIR}/fuzz-corpus/${target})
  file(MAKE_DIRECTORY ${work_corpus} ${CMAKE_BINARY_DIR}/fuzz-crashes)
  add_test(NAME fuzz_${target}
    COMMAND ${moim_fuzz_build}/fuzz_${target} -seed=20261203 -max_total_time=5 -timeout=10 -rss_limit_mb=2048
      -max_len=4096 -print_final_stats=1 -artifact_prefix=${CMAKE_BINARY_DIR}/fuzz-crashes/
      ${work_corpus} ${CMAKE_CURRENT_LIST_DIR}/corpus/${target})
  set_tests_properties(fuzz_${target} PROPERTIES LABELS fuzz TIMEOUT 120
    ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1;UBSAN_OPTIONS=print_stacktrace=1")
endforeach()
