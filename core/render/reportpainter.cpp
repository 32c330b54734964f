#include "reportpainter.h"

#include "icsforms.h"
#include "sheet.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace cp {

QString ReportPainter::formTitle(Form form)
{
    switch (form) {
    case Form::Ics201:
        return tr("ICS 201 Incident Briefing");
    case Form::Ics207:
        return tr("ICS 207 Incident Organization Chart");
    case Form::Ics214:
        return tr("ICS 214 Activity Log");
    case Form::Report:
        break;
    }
    return tr("Incident report");
}

int ReportPainter::paint(Form form, const IncidentReport &report, PageTarget &target)
{
    // The draft without the full timeline: on paper every entry is the ICS 214 activity log, and
    // laying out a table of thousands of rows as rich text takes minutes.
    if (form == Form::Report)
        return paintDocument(report.postmortemDraft(), report, target);
    return IcsForms::paint(form, report, target);
}

int ReportPainter::paintDocument(const ReportDocument &document, const IncidentReport &report, PageTarget &target)
{
    QPainter painter;
    if (!painter.begin(target.device()))
        return 0;
    painter.setRenderHint(QPainter::Antialiasing);
    Sheet sheet(painter, target.device());
    const QRectF area = sheet.px(sheet.content());

    QTextDocument text;
    text.documentLayout()->setPaintDevice(target.device());
    text.setDefaultFont(Sheet::font(9.5));
    text.setDocumentMargin(0);
    text.setDefaultStyleSheet(QStringLiteral("th { background-color: #e6e6e6; } h2 { margin-top: 14px; }"));
    // QTextDocument reads the HTML's tables with cell borders; its own CSS subset ignores the rest.
    QString html = ReportRenderer::html(document);
    html.replace(QStringLiteral("<table>"),
                 QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                "style=\"border-collapse: collapse; border-color: #888;\">"));
    html.replace(QStringLiteral("<table class=\"fields\">"),
                 QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                "style=\"border-collapse: collapse; border-color: #888;\">"));
    text.setHtml(html);
    text.setPageSize(area.size());
    const int pages = text.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            target.newPage();
        IcsForms::chrome(sheet, Form::Report, report, i + 1, pages);
        painter.save();
        painter.translate(area.topLeft());
        painter.translate(0, -i * area.height());
        const QRectF clip(0, i * area.height(), area.width(), area.height());
        painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = clip;
        context.palette.setColor(QPalette::Text, Qt::black);
        text.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    painter.end();
    return pages;
}

} // namespace cp
