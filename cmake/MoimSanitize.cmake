# MOIM_SANITIZE builds every target of the project with AddressSanitizer and
# UndefinedBehaviorSanitizer (scripts/test.sh --sanitize, in a build folder of its own). Undefined
# behaviour aborts like a memory error does, so a finding fails its test instead of scrolling by.
# Set before any target is declared, so libraries, programs and tests all carry the same flags.
option(MOIM_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

if(MOIM_SANITIZE)
  set(moim_sanitize_flags
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_compile_options(${moim_sanitize_flags})
  add_link_options(${moim_sanitize_flags})
endif()
