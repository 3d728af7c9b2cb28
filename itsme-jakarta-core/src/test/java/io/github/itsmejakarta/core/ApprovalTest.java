package io.github.itsmejakarta.core;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalTest {
    private static final String IBAN = "BE68 5390 0754 7034";

    @Test
    @DisplayName("free text with the allowed tags and ISO-8859-15 characters (incl. the euro sign) is accepted")
    void freeTextAccepted() {
        Approval a = Approval.freeText("Sign <b>contract</b> <i>42</i><br/><u>now</u> for 10 \u20ac, ça va");
        assertThat(a.template()).isEqualTo("free_text");
        assertThat(a.claims()).containsOnlyKeys(Approval.TEMPLATE_CLAIM, Approval.TEXT_CLAIM)
                .containsEntry(Approval.TEMPLATE_CLAIM, "free_text");
        assertThat(Approval.freeText("x".repeat(7500)).text()).hasValueSatisfying(t -> assertThat(t).hasSize(7500));
    }

    @Test
    @DisplayName("free text over 7500 characters, outside ISO-8859-15 or with other tags is refused")
    void freeTextRefused() {
        assertThatThrownBy(() -> Approval.freeText("x".repeat(7501))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7500");
        assertThatThrownBy(() -> Approval.freeText("check \u2713")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8859-15");
        assertThatThrownBy(() -> Approval.freeText("<script>x</script>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<script>");
        assertThatThrownBy(() -> Approval.freeText("<a href=x>y</a>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Approval.freeText("a < b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Approval.freeText(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a payment maps to the adv_payment claims, IBAN normalised")
    void paymentClaims() {
        Approval p = Approval.payment(new BigDecimal("125.00"), "EUR", IBAN, "Invoice <b>7</b>");
        assertThat(p.isPayment()).isTrue();
        assertThat(p.claims()).containsEntry(Approval.TEMPLATE_CLAIM, "adv_payment")
                .containsEntry(Approval.AMOUNT_CLAIM, "125").containsEntry(Approval.CURRENCY_CLAIM, "EUR")
                .containsEntry(Approval.IBAN_CLAIM, "BE68539007547034")
                .containsEntry(Approval.TEXT_CLAIM, "Invoice <b>7</b>");
        assertThat(Approval.payment("300", "EUR", "BE68539007547034").claims()).doesNotContainKey(Approval.TEXT_CLAIM)
                .containsEntry(Approval.AMOUNT_CLAIM, "300");
    }

    @Test
    @DisplayName("a payment with a bad amount, currency or IBAN checksum is refused")
    void paymentRefused() {
        assertThatThrownBy(() -> Approval.payment(new BigDecimal("12.34"), "EUR", IBAN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Approval.payment(BigDecimal.ZERO, "EUR", IBAN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Approval.payment("12,5", "EUR", IBAN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Approval.payment("-3", "EUR", IBAN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Approval.payment("10", "EURO", IBAN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Approval.payment("10", "EUR", "BE68 5390 0754 7035"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum");
    }
}
