package dev.paradigm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every name {@link PythonApi} gives Java exists in the Python package (needs the project's .venv; never skipped). */
class PythonApiTest {
    private final PythonRuntime python = PythonRuntime.shared();

    @Test
    void everyFunctionIsACallableOfItsModule() throws IllegalAccessException {
        List<PythonApi.Function> functions = new ArrayList<>();
        for (Field field : PythonApi.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == PythonApi.Function.class) {
                functions.add((PythonApi.Function) field.get(null));
            }
        }
        assertTrue(functions.size() >= 8, functions.toString());
        for (PythonApi.Function f : functions) {
            String expression = "callable(getattr(__import__('" + f.module() + "', fromlist=['_']), '" + f.name()
                    + "', None))";
            assertEquals(Boolean.TRUE, python.eval(expression, Boolean.class), f.toString());
        }
    }

    @Test
    void everyMethodIsAMethodOfItsClass() {
        for (PythonApi.EngineMethod method : PythonApi.EngineMethod.values()) {
            assertEquals(Boolean.TRUE, isMethod(PythonApi.ENGINE, method.pythonName()), method.pythonName());
        }
        for (PythonApi.JudgeMethod method : PythonApi.JudgeMethod.values()) {
            assertEquals(Boolean.TRUE, isMethod(PythonApi.JUDGE, method.pythonName()), method.pythonName());
        }
        for (PythonApi.TensorBoardMethod method : PythonApi.TensorBoardMethod.values()) {
            assertEquals(Boolean.TRUE, isMethod(PythonApi.TENSORBOARD_WRITER, method.pythonName()), method.pythonName());
        }
        assertEquals(Boolean.FALSE, isMethod(PythonApi.ENGINE, "no_such_method"), "the check can fail");
    }

    private Boolean isMethod(PythonApi.Function cls, String name) {
        return python.eval("callable(getattr(__import__('" + cls.module() + "', fromlist=['_'])." + cls.name() + ", '"
                + name + "', None))", Boolean.class);
    }
}
