package org.pledgeworks.campaign.updates;

import static org.pledgeworks.campaign.system.HttpCaching.PUBLIC_MINUTE;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.system.Markdown;
import org.pledgeworks.campaign.updates.StaffUpdateController.UpdateView;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public feed of a campaign's published updates, as JSON and as Atom (RFC 4287). */
@RestController
class UpdateFeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final Updates updates;

    UpdateFeedController(Updates updates) {
        this.updates = updates;
    }

    @GetMapping("/api/campaigns/{slug}/updates")
    ResponseEntity<UpdatePage> feed(@PathVariable String slug,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Campaign campaign = updates.publicCampaign(slug);
        List<UpdateView> items = updates.published(campaign, page, size).stream().map(UpdateView::of).toList();
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE)
                .body(new UpdatePage(items, page, size, updates.countPublished(campaign)));
    }

    @GetMapping(path = "/api/campaigns/{slug}/updates.atom", produces = "application/atom+xml")
    ResponseEntity<String> atom(@PathVariable String slug) throws XMLStreamException {
        Campaign campaign = updates.publicCampaign(slug);
        List<CampaignUpdate> latest = updates.published(campaign, 0, 50);
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
        element(xml, "id", "urn:pledgeworks:campaign:" + campaign.id() + ":updates");
        element(xml, "title", campaign.title());
        Instant updated = latest.isEmpty() ? Instant.EPOCH : latest.get(0).publishedAt();
        element(xml, "updated", updated.toString());
        xml.writeStartElement("link");
        xml.writeAttribute("rel", "alternate");
        xml.writeAttribute("href", updates.url(campaign));
        xml.writeEndElement();
        xml.writeStartElement("author");
        element(xml, "name", campaign.ownerOrganisation());
        xml.writeEndElement();
        for (CampaignUpdate u : latest) {
            xml.writeStartElement("entry");
            element(xml, "id", "urn:pledgeworks:update:" + u.id());
            element(xml, "title", u.title());
            element(xml, "updated", u.publishedAt().toString());
            element(xml, "published", u.publishedAt().toString());
            xml.writeStartElement("link");
            xml.writeAttribute("rel", "alternate");
            xml.writeAttribute("href", updates.url(campaign, u.id()));
            xml.writeEndElement();
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(Markdown.toHtml(u.body()));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE).contentType(ATOM).body(out.toString());
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    record UpdatePage(List<UpdateView> items, int page, int size, long total) {
    }
}
