#include "reportpainter.h"

#include "documentpages.h"
#include "icsforms.h"
#include "sheet.h"

#include <QPainter>

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
    const DocumentPages pages(sheet, sheet.content(), document);
    for (int i = 0; i < pages.pageCount(); ++i) {
        if (i > 0)
            target.newPage();
        IcsForms::chrome(sheet, Form::Report, report, i + 1, pages.pageCount());
        pages.paint(sheet, i);
    }
    painter.end();
    return pages.pageCount();
}

} // namespace cp
