#pragma once

#include "widgets/printing.h"

#include <QObject>

namespace cp {

// The print plugin: the platform's print dialog, and the document painted on the QPrinter chosen.
class DialogPrinting final : public QObject, public Printing
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CP_PRINTING_IID)
    Q_INTERFACES(cp::Printing)

public:
    Outcome print(QWidget *parent, const QString &documentName, const QString &dialogTitle,
                  const std::function<int(QPagedPaintDevice &)> &paint) override;
};

} // namespace cp
