package org.demarche.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.spi.LetterRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code delivery.pdf.sign*}: the keystore from a file, its password from the environment, clear errors. */
class SigningSettingsTest {
  private static final Map<String, String> PASSWORD = Map.of("DEMARCHE_SIGN_PASSWORD", TestKeystores.PASSWORD);

  private static Map<String, String> signWith(String keystore) {
    return Map.of("signKeystore", keystore, "signReason", "Petition", "signLocation", "Tokyo");
  }

  @Test
  void aRunsRendererSignsWithTheKeystoreAndThePasswordFromTheEnvironment(@TempDir Path tmp) throws Exception {
    TestKeystores.write(tmp.resolve("ngo.p12"), TestKeystores.valid());
    LetterRenderer renderer = PdfPluginTest.factory().create(PdfPluginTest.settings(signWith("ngo.p12"), tmp), PASSWORD);
    assertThat(SignatureCheck.of(renderer.render(Letters.english()).content()).verifies()).isTrue();
  }

  @Test
  void theRendererForLayoutAloneNeedsNoPasswordAndSignsNothing(@TempDir Path tmp) throws Exception {
    TestKeystores.write(tmp.resolve("ngo.p12"), TestKeystores.valid());
    LetterRenderer renderer = PdfPluginTest.factory().create(PdfPluginTest.settings(signWith("ngo.p12"), tmp));
    assertThat(((PdfRenderer) renderer).signer()).isEmpty();
  }

  @Test
  void aPasswordVariableOtherThanTheDefaultIsRead(@TempDir Path tmp) throws Exception {
    TestKeystores.write(tmp.resolve("ngo.p12"), TestKeystores.valid());
    var settings = PdfPluginTest.settings(Map.of("signKeystore", "ngo.p12", "signPasswordEnv", "DEMARCHE_NGO_P12"), tmp);
    LetterRenderer renderer = PdfPluginTest.factory().create(settings, Map.of("DEMARCHE_NGO_P12", TestKeystores.PASSWORD));
    assertThat(((PdfRenderer) renderer).signer()).isPresent();
  }

  @Test
  void aMissingKeystoreIsAProblemNamingTheFieldAndTheFile(@TempDir Path tmp) {
    List<Problem> problems = PdfPluginTest.factory().validate(PdfPluginTest.settings(signWith("gone.p12"), tmp));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("delivery.pdf.signKeystore");
      assertThat(p.message()).contains("does not exist", "gone.p12");
      assertThat(p.location().toString()).contains("campaign.yaml");
    });
  }

  @Test
  void aFileThatIsNotAKeystoreIsRefusedByItsName(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("ngo.pem"), "not a keystore");
    assertThat(PdfPluginTest.factory().validate(PdfPluginTest.settings(signWith("ngo.pem"), tmp)))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("PKCS#12", ".p12", "ngo.pem"));
  }

  @Test
  void aWrongPasswordIsAProblemAtTheKeystoreWhenValidateHasThePassword(@TempDir Path tmp) throws Exception {
    TestKeystores.write(tmp.resolve("ngo.p12"), TestKeystores.valid());
    List<Problem> problems = PdfPluginTest.factory().validate(PdfPluginTest.settings(signWith("ngo.p12"), tmp),
        Map.of("DEMARCHE_SIGN_PASSWORD", "not-the-password-42"));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("delivery.pdf.signKeystore");
      assertThat(p.message()).contains("ngo.p12", "password").doesNotContain("not-the-password-42");
    });
  }

  @Test
  void aRightPasswordValidates(@TempDir Path tmp) throws Exception {
    TestKeystores.write(tmp.resolve("ngo.p12"), TestKeystores.valid());
    assertThat(PdfPluginTest.factory().validate(PdfPluginTest.settings(signWith("ngo.p12"), tmp), PASSWORD)).isEmpty();
  }

  @Test
  void anUnsetPasswordIsAWarningForValidateAndARefusalForARun(@TempDir Path tmp) throws Exception {
    TestKeystores.write(tmp.resolve("ngo.p12"), TestKeystores.valid());
    var settings = PdfPluginTest.settings(signWith("ngo.p12"), tmp);
    assertThat(PdfPluginTest.factory().validate(settings, Map.of())).isEmpty();
    assertThat(PdfPluginTest.factory().warnings(settings, Map.of())).singleElement()
        .satisfies(w -> assertThat(w.message()).contains("DEMARCHE_SIGN_PASSWORD", "not set"));
    assertThat(PdfPluginTest.factory().warnings(settings, PASSWORD)).isEmpty();
    assertThatThrownBy(() -> PdfPluginTest.factory().create(settings, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("delivery.pdf.signKeystore").hasMessageContaining("DEMARCHE_SIGN_PASSWORD");
  }

  @Test
  void anExpiredCertificateIsRefusedWithItsDate(@TempDir Path tmp) throws Exception {
    Instant now = Instant.now();
    TestKeystores.write(tmp.resolve("old.p12"),
        TestKeystores.identity(now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(2))));
    assertThatThrownBy(() -> PdfPluginTest.factory().create(PdfPluginTest.settings(signWith("old.p12"), tmp), PASSWORD))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("delivery.pdf.signKeystore").hasMessageContaining("old.p12").hasMessageContaining("expired");
  }

  @Test
  void aKeystoreWithoutAPrivateKeyIsRefused(@TempDir Path tmp) throws Exception {
    TestKeystores.certificateOnly(tmp.resolve("cert.p12"), TestKeystores.valid());
    List<Problem> problems = PdfPluginTest.factory().validate(PdfPluginTest.settings(signWith("cert.p12"), tmp), PASSWORD);
    assertThat(problems).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("cert.p12", "no private key"));
  }

  @Test
  void signingFieldsWithoutAKeystoreAndAVariableWithoutThePrefixAreRefused(@TempDir Path tmp) {
    List<Problem> problems = PdfPluginTest.factory().validate(PdfPluginTest.settings(
        Map.of("signReason", "Petition", "signPasswordEnv", "AWS_SECRET_ACCESS_KEY"), tmp));
    assertThat(problems).extracting(Problem::field)
        .containsOnly("delivery.pdf.signReason", "delivery.pdf.signPasswordEnv");
    assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("signKeystore"))
        .anySatisfy(m -> assertThat(m).contains("DEMARCHE_"));
  }
}
