package org.demarche.render.pdf.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * Document metadata, and the parts PDF/A-2b asks for: XMP metadata that matches the document
 * information, and an sRGB output intent. Nothing about the machine (user, host, paths) is written;
 * the dates are the letter's date, so rendering a letter twice gives the same bytes.
 */
public final class PdfA {
  static final String CREATOR = "Demarche";
  static final String PRODUCER = "Demarche render-pdf on Apache PDFBox";
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  private PdfA() {}

  /**
   * Sets title, author, language, dates and a document id derived from {@code fingerprint};
   * with {@code archival}, also XMP metadata and the output intent of PDF/A-2b.
   */
  public static void apply(PDDocument doc, String title, String author, String language, LocalDate date,
      String fingerprint, boolean archival) throws IOException {
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    created.clear();
    created.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), 0, 0, 0);
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setAuthor(author);
    info.setCreator(CREATOR);
    info.setProducer(PRODUCER);
    info.setCreationDate(created);
    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    catalog.setLanguage(language);
    byte[] id = Arrays.copyOf(sha256(fingerprint), 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    if (!archival) {
      return;
    }
    PDMetadata metadata = new PDMetadata(doc);
    try (var out = metadata.getCOSObject().createOutputStream()) {
      out.write(xmp(title, author, language, date).getBytes(StandardCharsets.UTF_8));
    }
    metadata.getCOSObject().setItem(COSName.SUBTYPE, COSName.getPDFName("XML"));
    metadata.getCOSObject().setItem(COSName.TYPE, COSName.METADATA);
    catalog.setMetadata(metadata);
    PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
    intent.setInfo("sRGB IEC61966-2.1");
    intent.setOutputCondition("sRGB IEC61966-2.1");
    intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
    intent.setRegistryName("http://www.color.org");
    catalog.addOutputIntent(intent);
  }

  static String xmp(String title, String author, String language, LocalDate date) {
    String when = date + "T00:00:00Z";
    return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        + "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        + "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
        + "<dc:format>application/pdf</dc:format>\n"
        + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title>\n"
        + "<dc:creator><rdf:Seq><rdf:li>" + escape(author) + "</rdf:li></rdf:Seq></dc:creator>\n"
        + "<dc:language><rdf:Bag><rdf:li>" + escape(language) + "</rdf:li></rdf:Bag></dc:language>\n"
        + "<xmp:CreateDate>" + when + "</xmp:CreateDate>\n"
        + "<xmp:CreatorTool>" + CREATOR + "</xmp:CreatorTool>\n"
        + "<pdf:Producer>" + escape(PRODUCER) + "</pdf:Producer>\n"
        + "<pdfaid:part>2</pdfaid:part>\n"
        + "<pdfaid:conformance>B</pdfaid:conformance>\n"
        + "</rdf:Description>\n"
        + "</rdf:RDF>\n"
        + "</x:xmpmeta>\n"
        + "<?xpacket end=\"w\"?>";
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
