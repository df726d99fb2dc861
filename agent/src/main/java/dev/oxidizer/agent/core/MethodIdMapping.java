package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;

/**
 * Resolves {@link MethodId} to an int constant: the method is registered in {@link MethodTable} when its
 * advice is inlined, so the hot path never builds a string or looks anything up.
 */
final class MethodIdMapping implements Advice.OffsetMapping.Factory<MethodId> {
    private final boolean trivial;

    /** {@code trivial}: the methods this mapping's advice goes into get the count-only probe. */
    MethodIdMapping(boolean trivial) {
        this.trivial = trivial;
    }

    @Override
    public Class<MethodId> getAnnotationType() {
        return MethodId.class;
    }

    @Override
    public Advice.OffsetMapping make(ParameterDescription.InDefinedShape target,
                                     AnnotationDescription.Loadable<MethodId> annotation,
                                     AdviceType adviceType) {
        if (target.getType().represents(int.class)) {
            return new Advice.OffsetMapping() {
                @Override
                public Target resolve(TypeDescription instrumentedType, MethodDescription instrumentedMethod,
                                      Assigner assigner, Advice.ArgumentHandler argumentHandler, Sort sort) {
                    int id = MethodTable.register(instrumentedType.getName(), instrumentedMethod.getInternalName(),
                            instrumentedMethod.getDescriptor(), instrumentedMethod.getModifiers() & 0xFFFF,
                            trivial ? MethodTable.PROBE_COUNT : MethodTable.PROBE_FULL);
                    return new Target.ForStackManipulation(IntegerConstant.forValue(id));
                }
            };
        }
        throw new IllegalStateException("@MethodId must annotate an int parameter: " + target);
    }
}
