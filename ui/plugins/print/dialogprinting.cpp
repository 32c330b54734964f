#include "dialogprinting.h"

#include <QPrintDialog>
#include <QPrinter>

namespace cp {

Printing::Outcome DialogPrinting::print(QWidget *parent, const QString &documentName, const QString &dialogTitle,
                                        const std::function<int(QPagedPaintDevice &)> &paint)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(documentName);
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(dialogTitle);
    if (dialog.exec() != QDialog::Accepted)
        return Outcome::Cancelled;
    return paint(printer) > 0 ? Outcome::Printed : Outcome::Failed;
}

} // namespace cp
