package dev.oxidizer.vocabulary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaTypesTest {
    @Test
    void primitivesPrimitiveArraysAndStringsCross() {
        assertTrue(JavaTypes.crosses("()V"));
        assertTrue(JavaTypes.crosses("([DI)D"));
        assertTrue(JavaTypes.crosses("(Ljava/lang/String;[BJZCSF)[I"));
        assertTrue(JavaTypes.crosses("([C)Ljava/lang/String;"));
    }

    @Test
    void objectsBoxesAndNestedArraysDoNot() {
        assertFalse(JavaTypes.crosses("(Ljava/lang/Object;)V"));
        assertFalse(JavaTypes.crosses("(I)Ljava/lang/Integer;"));
        assertFalse(JavaTypes.crosses("([[D)D"));
        assertFalse(JavaTypes.crosses("([Ljava/lang/String;)V"));
        assertFalse(JavaTypes.crosses("(ILjava/util/List;)J"));
    }

    @Test
    void malformedDescriptorsDoNot() {
        assertFalse(JavaTypes.crosses(""));
        assertFalse(JavaTypes.crosses("I"));
        assertFalse(JavaTypes.crosses("(I"));
        assertFalse(JavaTypes.crosses("(I)"));
        assertFalse(JavaTypes.crosses("(Q)V"));
        assertFalse(JavaTypes.crosses("(Ljava/lang/String)V"));
        assertFalse(JavaTypes.crosses("(I)VV"));
    }
}
