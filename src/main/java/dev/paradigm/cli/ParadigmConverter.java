package dev.paradigm.cli;

import dev.paradigm.engine.Paradigm;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code ar} or {@code mdlm} from the command line. */
final class ParadigmConverter implements ITypeConverter<Paradigm> {
    @Override
    public Paradigm convert(String value) {
        try {
            return Paradigm.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
