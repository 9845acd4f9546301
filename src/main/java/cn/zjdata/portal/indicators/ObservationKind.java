package cn.zjdata.portal.indicators;

import java.util.Arrays;
import java.util.Optional;

/** What a figure is: the value a plan starts from, a value it aims at, or a value reported as reached. */
public enum ObservationKind {
    BASELINE("baseline"), TARGET("target"), ACTUAL("actual");

    public final String id;

    ObservationKind(String id) {
        this.id = id;
    }

    public static Optional<ObservationKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
