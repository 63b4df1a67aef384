package org.demarche.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.Envelope;
import org.demarche.core.FileJournal;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.Rendition;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.testing.TextRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceSenderTest {
  private static final Clock DAY_1 = Clock.fixed(Instant.parse("2026-09-24T01:00:00Z"), ZoneOffset.UTC);
  private static final Clock DAY_2 = Clock.fixed(Instant.parse("2026-09-25T01:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  /** Keeps every envelope it is given. */
  static final class RecordingChannel implements DeliveryChannel {
    final List<Envelope> sent = new ArrayList<>();

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public boolean canDeliver(Letter letter) {
      return letter.mission().email().isPresent();
    }

    @Override
    public Receipt deliver(Envelope e) {
      sent.add(e);
      return new Receipt(e.letter().id(), e.messageId(), name(), Instant.now(), "250 OK");
    }
  }

  private final RecordingChannel channel = new RecordingChannel();

  private VoiceSender.Report send(Voices voices, Clock clock, List<Supporter> supporters) {
    try (FileJournal journal = FileJournal.open(dir.resolve("voice.journal"), voices.campaign().id())) {
      return VoiceSender.create(voices, new TextRenderer(), channel, journal).clock(clock).send(supporters);
    }
  }

  private static List<Supporter> supporters(int osaka, int sapporo, int nagasaki, int from) {
    List<Supporter> out = new ArrayList<>();
    for (int i = from; i < from + osaka; i++) {
      out.add(VoiceTesting.inRegion("Osaka Supporter " + i, "o" + i + "@example.org", "JP-27", null));
    }
    for (int i = from; i < from + sapporo; i++) {
      out.add(VoiceTesting.inRegion("Sapporo Supporter " + i, "s" + i + "@example.org", "JP-01", null));
    }
    for (int i = from; i < from + nagasaki; i++) {
      out.add(VoiceTesting.inRegion("Nagasaki Supporter " + i, "n" + i + "@example.org", "JP-42", null));
    }
    return out;
  }

  @Test
  void refusesToSendWhenTheCampaignLeavesSupportersToSendTheirOwn() {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, ""));
    try (FileJournal journal = FileJournal.open(dir.resolve("j"), voices.campaign().id())) {
      assertThatThrownBy(() -> VoiceSender.create(voices, new TextRenderer(), channel, journal))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("delivery.voice.mode is drafts");
    }
  }

  @Test
  void sendsFromTheNgoWithTheSupporterAsReplyToAndEachLetterOnlyOnce() {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, "mode: on-behalf\n"));
    List<Supporter> s = supporters(2, 1, 0, 0);
    send(voices, DAY_1, s);
    send(voices, DAY_2, s);
    assertThat(channel.sent).hasSize(3);
    assertThat(channel.sent).allSatisfy(e -> {
      assertThat(e.letter().sender().email()).isEqualTo("info@lfnkr.example.org");
      assertThat(e.letter().replyTo()).hasValueSatisfying(r -> assertThat(r).endsWith("@example.org"));
    });
  }

  @Test
  void dailyCapPerMissionHoldsTheRestForALaterDay() {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, "mode: on-behalf\ndailyCapPerMission: 2\n"));
    List<Supporter> s = supporters(3, 1, 0, 0);
    VoiceSender.Report first = send(voices, DAY_1, s);
    assertThat(channel.sent).hasSize(3);
    assertThat(first.waiting()).containsEntry("cn-cg-jp-osaka", 1);
    send(voices, DAY_1, s);
    assertThat(channel.sent).as("the cap is reached today").hasSize(3);
    send(voices, DAY_2, s);
    send(voices, DAY_2, s);
    assertThat(channel.sent).hasSize(4);
    assertThat(channel.sent).extracting(e -> e.letter().id()).doesNotHaveDuplicates();
  }

  @Test
  void digestSendsOneEmailPerMissionPerDayWithThatDaysLettersAttached() {
    Campaign c = VoiceTesting.campaign(dir, "mode: on-behalf\ndigest: true\n");
    Voices voices = VoiceTesting.voices(c);
    List<Supporter> day1 = supporters(3, 2, 1, 0);
    VoiceSender.Report r1 = send(voices, DAY_1, day1);
    assertThat(channel.sent).extracting(e -> e.letter().id())
        .containsExactly("digest-20260924-cn-cg-jp-osaka", "digest-20260924-cn-cg-jp-sapporo");
    assertThat(channel.sent.get(0).attachments()).hasSize(3);
    assertThat(channel.sent.get(1).attachments()).hasSize(2);
    assertThat(channel.sent.get(0).attachments()).extracting(Rendition::fileName)
        .allSatisfy(n -> assertThat(n).startsWith("voice-"));
    assertThat(r1.digests()).containsKey("digest-20260924-cn-cg-jp-nagasaki");

    List<Supporter> more = new ArrayList<>(day1);
    more.addAll(supporters(1, 0, 0, 10));
    VoiceSender.Report again = send(voices, DAY_1, more);
    assertThat(channel.sent).as("one digest per mission per day").hasSize(2);
    assertThat(again.waiting()).containsEntry("cn-cg-jp-osaka", 1);

    send(voices, DAY_2, more);
    send(voices, DAY_2, more);
    assertThat(channel.sent).hasSize(3);
    assertThat(channel.sent.get(2).letter().id()).isEqualTo("digest-20260925-cn-cg-jp-osaka");
    assertThat(channel.sent.get(2).attachments()).singleElement().extracting(Rendition::fileName)
        .isEqualTo(voices.letterId(more.get(more.size() - 1)) + ".en.txt");
    try (FileJournal journal = FileJournal.open(dir.resolve("voice.journal"), c.id())) {
      assertThat(journal.statuses().get(voices.letterId(day1.get(0))).state()).isEqualTo(LetterState.SENT);
      assertThat(journal.statuses().get(voices.letterId(day1.get(5))).state()).isEqualTo(LetterState.BY_POST);
    }
  }

  @Test
  void lettersSentOneByOneAreNotSentAgainInADigest() {
    List<Supporter> s = supporters(2, 0, 0, 0);
    Voices single = VoiceTesting.voices(VoiceTesting.campaign(dir, "mode: on-behalf\n"));
    send(single, DAY_1, s);
    Voices digest = VoiceTesting.voices(VoiceTesting.campaign(dir, "mode: on-behalf\ndigest: true\n"));
    send(digest, DAY_2, s);
    assertThat(channel.sent).hasSize(2);
  }
}
