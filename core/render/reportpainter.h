#pragma once

#include "exchange/incidentreport.h"
#include "pagetarget.h"

#include <QCoreApplication>

namespace cp {

// Paints the paper forms of an incident. Every page carries the incident's name, its period
// and "Page n of m". Pages are laid out in points (1/72 inch) on US Letter or A4, whatever the
// device is; the same painting goes to a PDF file, a printer or a test recorder.
class ReportPainter
{
    Q_DECLARE_TR_FUNCTIONS(cp::ReportPainter)
public:
    enum class Form
    {
        Report, // the postmortem draft (a ReportDocument laid out as text; the full timeline is Ics214)
        Ics201, // incident briefing
        Ics207, // organisation chart
        Ics214, // activity log
    };

    // Returns the number of pages painted (0: the device could not be painted on).
    static int paint(Form form, const IncidentReport &report, PageTarget &target);
    static int paintDocument(const ReportDocument &document, const IncidentReport &report, PageTarget &target);
    static QString formTitle(Form form); // "ICS 201 Incident Briefing"
};

} // namespace cp
