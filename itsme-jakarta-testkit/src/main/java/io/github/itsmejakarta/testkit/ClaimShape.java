package io.github.itsmejakarta.testkit;

/**
 * Shapes of claims that itsme has really sent but no longer documents. {@link TestPersons} carry itsme's documented
 * v2 shapes; {@link TestPersons#withShapes(TestPerson, ClaimShape...)} gives the same person (same id, same
 * {@code sub}) with some of these instead, so that a test can show that an application copes with them. Immutable.
 */
public enum ClaimShape {

    /**
     * The booleans of {@code claim_device} ({@code debugEnabled}, {@code rooted}) and {@code ongoing_call} as the
     * strings {@code "true"}/{@code "false"}.
     */
    BOOLEANS_AS_STRINGS,

    /** {@code claim_device} names its identifier {@code deviceID} instead of {@code deviceId}. */
    DEVICE_ID_CAPITAL_D,

    /**
     * {@code claim_device} as v1 sent it: with {@code hasSimEnabled}, {@code smsEnabled} and {@code sdkRelease}, and
     * without {@code msisdn}.
     */
    V1_DEVICE_MEMBERS
}
