package dev.oxidizer.autoport;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The method's control-flow graph over basic blocks, in reverse postorder, with its dominator tree, loop headers and
 * merge nodes: what the structured emitter needs to rebuild loops and labelled blocks (Ramsey, "Beyond Relooper",
 * 2022). javac's control flow is reducible; an irreducible graph is reported, never translated.
 */
final class ControlFlow {
    /** A basic block: instructions {@code [start, end)} of the method, by index. */
    static final class Block {
        final int id;
        final int start;
        int end;
        final List<Integer> succs = new ArrayList<>();
        final List<Integer> preds = new ArrayList<>();
        int rpo = -1;
        int idom = -1;

        Block(int id, int start) {
            this.id = id;
            this.start = start;
        }
    }

    final List<Block> blocks = new ArrayList<>();
    /** A {@code catch} of {@code type} (internal name; null catches everything, as {@code finally}) at block {@code block}. */
    record Handler(String type, int block) {}

    /** Per block ending with an instruction that may throw inside try regions: its handlers, innermost first. */
    final java.util.Map<Integer, List<Handler>> handlers = new java.util.HashMap<>();
    /** Blocks that start an exception handler. */
    final Set<Integer> handlerBlocks = new java.util.HashSet<>();
    /** Block ids in reverse postorder (reachable blocks only). */
    final List<Integer> order = new ArrayList<>();
    private final int[] blockOfInsn;
    final boolean[] loopHeader;
    final int[] forwardInEdges;
    /** The first back edge found that is not a natural loop's (the graph is then irreducible), or -1. */
    int irreducibleAt = -1;

    ControlFlow(MethodNode m, Frame<OValue>[] frames) {
        InsnList insns = m.instructions;
        int n = insns.size();
        Set<Integer> leaders = new TreeSet<>();
        leaders.add(0);
        for (int i = 0; i < n; i++) {
            AbstractInsnNode in = insns.get(i);
            if (in instanceof JumpInsnNode j) {
                leaders.add(insns.indexOf(j.label));
                leaders.add(i + 1);
            } else if (in instanceof TableSwitchInsnNode t) {
                leaders.add(insns.indexOf(t.dflt));
                t.labels.forEach(l -> leaders.add(insns.indexOf(l)));
                leaders.add(i + 1);
            } else if (in instanceof LookupSwitchInsnNode t) {
                leaders.add(insns.indexOf(t.dflt));
                t.labels.forEach(l -> leaders.add(insns.indexOf(l)));
                leaders.add(i + 1);
            } else if (endsFlow(in.getOpcode())) {
                leaders.add(i + 1);
            }
        }
        m.tryCatchBlocks.forEach(t -> leaders.add(insns.indexOf(t.handler)));
        // Inside a try region every instruction that may throw ends its block: its handlers are successors.
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            for (int i = insns.indexOf(t.start); i < insns.indexOf(t.end); i++) {
                if (mayThrow(insns.get(i).getOpcode())) {
                    leaders.add(i + 1);
                }
            }
        }
        leaders.removeIf(i -> i >= n);
        blockOfInsn = new int[n];
        Integer[] ls = leaders.toArray(new Integer[0]);
        for (int b = 0; b < ls.length; b++) {
            Block blk = new Block(b, ls[b]);
            blk.end = b + 1 < ls.length ? ls[b + 1] : n;
            blocks.add(blk);
            for (int i = blk.start; i < blk.end; i++) {
                blockOfInsn[i] = b;
            }
        }
        for (Block b : blocks) {
            AbstractInsnNode last = lastReal(insns, b);
            int op = last == null ? -1 : last.getOpcode();
            if (last instanceof JumpInsnNode j) {
                if (op != Opcodes.GOTO) {
                    addFallthrough(b);
                }
                b.succs.add(blockOfInsn[insns.indexOf(j.label)]);
            } else if (last instanceof TableSwitchInsnNode t) {
                b.succs.add(blockOfInsn[insns.indexOf(t.dflt)]);
                t.labels.forEach(l -> b.succs.add(blockOfInsn[insns.indexOf(l)]));
            } else if (last instanceof LookupSwitchInsnNode t) {
                b.succs.add(blockOfInsn[insns.indexOf(t.dflt)]);
                t.labels.forEach(l -> b.succs.add(blockOfInsn[insns.indexOf(l)]));
            } else if (last == null || !endsFlow(op)) {
                addFallthrough(b);
            }
        }
        for (Block b : blocks) {
            AbstractInsnNode last = lastReal(insns, b);
            if (last == null || !mayThrow(last.getOpcode()) || frames[insns.indexOf(last)] == null) {
                continue;
            }
            int at = insns.indexOf(last);
            List<Handler> hs = new ArrayList<>();
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                if (insns.indexOf(t.start) <= at && at < insns.indexOf(t.end)) {
                    int h = blockOfInsn[insns.indexOf(t.handler)];
                    hs.add(new Handler(t.type, h));
                    if (!b.succs.contains(h)) {
                        b.succs.add(h);
                    }
                }
            }
            if (!hs.isEmpty()) {
                handlers.put(b.id, hs);
            }
        }
        m.tryCatchBlocks.forEach(t -> handlerBlocks.add(blockOfInsn[insns.indexOf(t.handler)]));
        // Only blocks the analyzer reached take part (javac leaves no dead code, other compilers may).
        for (Block b : blocks) {
            b.succs.removeIf(s -> frames[blocks.get(s).start] == null);
        }
        boolean[] seen = new boolean[blocks.size()];
        List<Integer> post = new ArrayList<>();
        dfs(0, seen, post);
        for (int i = post.size() - 1; i >= 0; i--) {
            blocks.get(post.get(i)).rpo = order.size();
            order.add(post.get(i));
        }
        for (int id : order) {
            for (int s : new LinkedHashSet<>(blocks.get(id).succs)) {
                blocks.get(s).preds.add(id);
            }
        }
        dominators();
        loopHeader = new boolean[blocks.size()];
        forwardInEdges = new int[blocks.size()];
        for (int id : order) {
            Block b = blocks.get(id);
            for (int s : b.succs) {
                Block t = blocks.get(s);
                if (t.rpo <= b.rpo) {
                    if (!dominates(s, id)) {
                        irreducibleAt = b.start;
                    }
                    loopHeader[s] = true;
                } else {
                    forwardInEdges[s]++;
                }
            }
        }
    }

    private void addFallthrough(Block b) {
        if (b.id + 1 < blocks.size()) {
            b.succs.add(b.id + 1);
        }
    }

    /** Whether the translation of this instruction may throw (array access, division, allocation, calls, athrow). */
    static boolean mayThrow(int op) {
        return (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE)
                || op == Opcodes.IDIV || op == Opcodes.IREM || op == Opcodes.LDIV || op == Opcodes.LREM
                || op == Opcodes.NEWARRAY || (op >= Opcodes.INVOKEVIRTUAL && op <= Opcodes.INVOKEDYNAMIC) || op == Opcodes.ATHROW;
    }

    private static boolean endsFlow(int op) {
        return op == Opcodes.GOTO || op == Opcodes.ATHROW || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)
                || op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH;
    }

    static AbstractInsnNode lastReal(InsnList insns, Block b) {
        for (int i = b.end - 1; i >= b.start; i--) {
            if (insns.get(i).getOpcode() >= 0) {
                return insns.get(i);
            }
        }
        return null;
    }

    private void dfs(int start, boolean[] seen, List<Integer> post) {
        // Iterative, so that long methods cannot overflow the stack.
        Deque stack = new Deque();
        stack.push(start, 0);
        seen[start] = true;
        while (!stack.isEmpty()) {
            int b = stack.topBlock();
            int k = stack.topNext();
            List<Integer> succs = blocks.get(b).succs;
            if (k < succs.size()) {
                stack.advance();
                int s = succs.get(k);
                if (!seen[s]) {
                    seen[s] = true;
                    stack.push(s, 0);
                }
            } else {
                post.add(b);
                stack.pop();
            }
        }
    }

    private static final class Deque {
        private int[] blocksArr = new int[16];
        private int[] next = new int[16];
        private int size;

        void push(int b, int k) {
            if (size == blocksArr.length) {
                blocksArr = Arrays.copyOf(blocksArr, size * 2);
                next = Arrays.copyOf(next, size * 2);
            }
            blocksArr[size] = b;
            next[size++] = k;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int topBlock() {
            return blocksArr[size - 1];
        }

        int topNext() {
            return next[size - 1];
        }

        void advance() {
            next[size - 1]++;
        }

        void pop() {
            size--;
        }
    }

    /** Cooper, Harvey and Kennedy's iterative algorithm over reverse postorder. */
    private void dominators() {
        Block entry = blocks.get(order.get(0));
        entry.idom = entry.id;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 1; k < order.size(); k++) {
                Block b = blocks.get(order.get(k));
                int nd = -1;
                for (int p : b.preds) {
                    if (blocks.get(p).idom < 0) {
                        continue;
                    }
                    nd = nd < 0 ? p : intersect(p, nd);
                }
                if (nd != b.idom) {
                    b.idom = nd;
                    changed = true;
                }
            }
        }
    }

    private int intersect(int a, int b) {
        while (a != b) {
            while (blocks.get(a).rpo > blocks.get(b).rpo) {
                a = blocks.get(a).idom;
            }
            while (blocks.get(b).rpo > blocks.get(a).rpo) {
                b = blocks.get(b).idom;
            }
        }
        return a;
    }

    boolean dominates(int a, int b) {
        int x = b;
        while (true) {
            if (x == a) {
                return true;
            }
            int up = blocks.get(x).idom;
            if (up == x) {
                return false;
            }
            x = up;
        }
    }

    /** Children of {@code x} in the dominator tree that are merge nodes, highest reverse-postorder number first. */
    List<Integer> mergeChildren(int x) {
        List<Integer> ys = new ArrayList<>();
        for (int id : order) {
            Block b = blocks.get(id);
            if (id != x && b.idom == x && forwardInEdges[id] >= 2) {
                ys.add(id);
            }
        }
        ys.sort((p, q) -> Integer.compare(blocks.get(q).rpo, blocks.get(p).rpo));
        return ys;
    }

    boolean isMerge(int id) {
        return forwardInEdges[id] >= 2;
    }

    int blockAt(int insn) {
        return blockOfInsn[insn];
    }

    static boolean isLabel(AbstractInsnNode n) {
        return n instanceof LabelNode;
    }
}
