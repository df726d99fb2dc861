/*
 * A minimal HotSpot disassembler plugin ("hsdis") on the Capstone library, for reading the code the JIT
 * compiles for an instrumented method (docs/performance.md, "Agent"). Debian's libhsdis0-fcml exports only the
 * old decode_instructions entry point, which JDK 25 no longer looks up; this exports decode_instructions_virtual.
 * Build with build.sh; use with LD_LIBRARY_PATH=<dir> java -XX:+UnlockDiagnosticVMOptions
 * -XX:CompileCommand=print,Class::method ... A development aid, not part of the agent.
 */
#include <stdint.h>
#include <capstone/capstone.h>

typedef void *(*event_callback)(void *stream, const char *event, void *arg);
typedef int (*printf_callback)(void *stream, const char *format, ...);

/* Decodes [buffer, buffer + length), which the JVM runs at start_va; returns the address after the last
 * instruction decoded. HotSpot brackets each instruction with "insn" and "/insn" events to print its address
 * and annotations (oop maps, debug info) around our text. */
void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
                                  event_callback event, void *event_stream, printf_callback print,
                                  void *print_stream, const char *options, int newline) {
  (void) end_va;
  (void) options;
  csh handle;
  if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) {
    return (void *) start_va;
  }
  cs_option(handle, CS_OPT_SYNTAX, CS_OPT_SYNTAX_ATT); /* the syntax HotSpot's own comments assume */
  cs_insn *insns;
  size_t n = cs_disasm(handle, buffer, length, start_va, 0, &insns);
  uintptr_t end = start_va;
  for (size_t i = 0; i < n; i++) {
    event(event_stream, "insn", (void *) (uintptr_t) insns[i].address);
    print(print_stream, "%-8s %s", insns[i].mnemonic, insns[i].op_str);
    end = (uintptr_t) (insns[i].address + insns[i].size);
    event(event_stream, "/insn", (void *) end);
    if (newline) {
      print(print_stream, "\n");
    }
  }
  if (n > 0) {
    cs_free(insns, n);
  }
  cs_close(&handle);
  return (void *) end;
}
