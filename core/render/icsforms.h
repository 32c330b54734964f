#pragma once

#include "reportpainter.h"
#include "sheet.h"

namespace cp {

// The FEMA ICS forms CommandPost fills from an incident: 201 Incident Briefing (four pages),
// 207 Incident Organization Chart and 214 Activity Log. Each block is filled from the incident's
// data or left blank for hand-filling; a box that overflows continues on a continuation page, as
// the paper forms do, so nobody and nothing is dropped.
class IcsForms
{
    Q_DECLARE_TR_FUNCTIONS(cp::IcsForms)
public:
    // Returns the number of pages painted (0: the device could not be painted on).
    static int paint(ReportPainter::Form form, const IncidentReport &report, PageTarget &target);
    // The title bar and footer every page carries: the form, the incident, its operational
    // period and "Page n of m".
    static void chrome(Sheet &sheet, ReportPainter::Form form, const IncidentReport &report, int page, int pages);
};

} // namespace cp
