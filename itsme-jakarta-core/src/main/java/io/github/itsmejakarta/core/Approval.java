package io.github.itsmejakarta.core;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user approves in the itsme app with the Confirm service: a free text or a payment (itsme confirmation
 * page: templates {@code free_text} and {@code adv_payment}). The values travel as essential claims with a fixed
 * value inside the request object, under itsme's v2 claim names ({@value #TEMPLATE_CLAIM} and siblings).
 *
 * <p>Validated when made, so that itsme never sees a text it would refuse: at most {@value #MAX_TEXT_LENGTH}
 * characters, encodable in ISO-8859-15, markup limited to {@code <b> <i> <u> <br>}; payments carry a positive
 * integer amount (itsme documents {@code claim_approval_amount_key} as an integer string), an ISO 4217 currency
 * (itsme accepts {@code EUR}) and an IBAN with a valid checksum.
 *
 * <p>Immutable and thread-safe.
 */
public final class Approval implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Longest approval text itsme accepts. */
    public static final int MAX_TEXT_LENGTH = 7500;

    /** The claim naming the template. */
    public static final String TEMPLATE_CLAIM = "http://itsme.services/v2/claim/claim_approval_template_name";
    /** The claim carrying the text. */
    public static final String TEXT_CLAIM = "http://itsme.services/v2/claim/claim_approval_text_key";
    /** The claim carrying the amount. */
    public static final String AMOUNT_CLAIM = "http://itsme.services/v2/claim/claim_approval_amount_key";
    /** The claim carrying the currency. */
    public static final String CURRENCY_CLAIM = "http://itsme.services/v2/claim/claim_approval_currency_key";
    /** The claim carrying the IBAN. */
    public static final String IBAN_CLAIM = "http://itsme.services/v2/claim/claim_approval_iban_key";

    /** Template name for a text. */
    public static final String FREE_TEXT = "free_text";
    /** Template name for a payment. */
    public static final String ADV_PAYMENT = "adv_payment";

    private static final Charset ISO_8859_15 = Charset.forName("ISO-8859-15");
    private static final Pattern TAG = Pattern.compile("<[^<>]*>");
    private static final Pattern ALLOWED_TAG = Pattern.compile("(?i)</?[biu]>|<br\\s*/?>");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,15}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    private final String template;
    private final String text;
    private final String amount;
    private final String currency;
    private final String iban;

    private Approval(String template, String text, String amount, String currency, String iban) {
        this.template = template;
        this.text = text;
        this.amount = amount;
        this.currency = currency;
        this.iban = iban;
    }

    /**
     * A text to approve ({@code free_text} template).
     *
     * @throws IllegalArgumentException if the text is empty, too long, not ISO-8859-15 or has other markup than
     *             {@code <b> <i> <u> <br>}
     */
    public static Approval freeText(String text) {
        return new Approval(FREE_TEXT, checkText(Objects.requireNonNull(text, "text")), null, null, null);
    }

    /** A payment to approve ({@code adv_payment} template) without a text. */
    public static Approval payment(BigDecimal amount, String currency, String iban) {
        return payment(amount, currency, iban, null);
    }

    /**
     * A payment to approve ({@code adv_payment} template).
     *
     * @param amount positive and integral (e.g. {@code 125} or {@code 125.00}), sent as an integer string
     * @param currency ISO 4217 code, e.g. {@code EUR}
     * @param iban the beneficiary's IBAN; spaces are removed and the checksum verified (ISO 13616)
     * @param text an optional text shown with the payment, validated like {@link #freeText(String)}
     * @throws IllegalArgumentException if a value is invalid
     */
    public static Approval payment(BigDecimal amount, String currency, String iban, String text) {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("The payment amount must be positive");
        }
        try {
            return payment(amount.toBigIntegerExact().toString(), currency, iban, text);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("itsme takes the payment amount as an integer: " + amount, e);
        }
    }

    /** A payment to approve, the amount given as an integer string such as {@code "125"}. */
    public static Approval payment(String amount, String currency, String iban) {
        return payment(amount, currency, iban, null);
    }

    /**
     * A payment to approve, the amount given as an integer string such as {@code "125"}.
     *
     * @throws IllegalArgumentException if a value is invalid
     */
    public static Approval payment(String amount, String currency, String iban, String text) {
        Objects.requireNonNull(amount, "amount");
        if (!AMOUNT.matcher(amount).matches() || new BigDecimal(amount).signum() <= 0) {
            throw new IllegalArgumentException(
                    "The payment amount must be a positive integer string of at most 15 digits: " + amount);
        }
        return new Approval(ADV_PAYMENT, text == null ? null : checkText(text), amount, checkCurrency(currency),
                checkIban(iban));
    }

    /** The itsme template name: {@value #FREE_TEXT} or {@value #ADV_PAYMENT}. */
    public String template() {
        return template;
    }

    /** Whether this is a payment. */
    public boolean isPayment() {
        return ADV_PAYMENT.equals(template);
    }

    /** The text, always present for free text. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** The payment amount as sent. */
    public Optional<String> amount() {
        return Optional.ofNullable(amount);
    }

    /** The payment currency. */
    public Optional<String> currency() {
        return Optional.ofNullable(currency);
    }

    /** The payment IBAN, normalised (upper case, no spaces). */
    public Optional<String> iban() {
        return Optional.ofNullable(iban);
    }

    /** The approval claims, name to value, in the order itsme documents them. */
    public Map<String, String> claims() {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put(TEMPLATE_CLAIM, template);
        if (text != null) {
            claims.put(TEXT_CLAIM, text);
        }
        if (amount != null) {
            claims.put(AMOUNT_CLAIM, amount);
            claims.put(CURRENCY_CLAIM, currency);
            claims.put(IBAN_CLAIM, iban);
        }
        return Collections.unmodifiableMap(claims);
    }

    private static String checkText(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("The approval text is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "The approval text has " + text.length() + " characters; itsme accepts " + MAX_TEXT_LENGTH);
        }
        if (!ISO_8859_15.newEncoder().canEncode(text)) {
            throw new IllegalArgumentException("The approval text has characters outside ISO-8859-15");
        }
        Matcher tags = TAG.matcher(text);
        StringBuilder outside = new StringBuilder();
        int last = 0;
        while (tags.find()) {
            if (!ALLOWED_TAG.matcher(tags.group()).matches()) {
                throw new IllegalArgumentException(
                        "The approval text may only use the tags <b> <i> <u> <br>, not " + tags.group());
            }
            outside.append(text, last, tags.start());
            last = tags.end();
        }
        outside.append(text, last, text.length());
        if (outside.indexOf("<") >= 0) {
            throw new IllegalArgumentException("The approval text has an unclosed '<'");
        }
        return text;
    }

    private static String checkCurrency(String currency) {
        Objects.requireNonNull(currency, "currency");
        try {
            return Currency.getInstance(currency).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency, e);
        }
    }

    private static String checkIban(String iban) {
        Objects.requireNonNull(iban, "iban");
        String compact = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!IBAN.matcher(compact).matches()) {
            throw new IllegalArgumentException("Not an IBAN: " + iban);
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        if (!new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).equals(BigInteger.ONE)) {
            throw new IllegalArgumentException("The IBAN's checksum is wrong: " + iban);
        }
        return compact;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Approval a && template.equals(a.template) && Objects.equals(text, a.text)
                && Objects.equals(amount, a.amount) && Objects.equals(currency, a.currency)
                && Objects.equals(iban, a.iban);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template, text, amount, currency, iban);
    }

    @Override
    public String toString() {
        return "Approval[" + template + (amount != null ? ", " + amount + " " + currency : "") + "]";
    }
}
