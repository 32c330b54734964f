#pragma once

#include <QString>
#include <QtPlugin>

#include <functional>

class QPagedPaintDevice;
class QWidget;

namespace cp {

// Prints on a printer the user chooses. Implemented by the print plugin, which holds Qt Print
// Support: the window loads it when something is first printed, not at start.
class Printing
{
public:
    enum class Outcome
    {
        Cancelled, // the print dialog was closed without printing
        Printed,
        Failed // nothing could be painted on the printer
    };

    virtual ~Printing() = default;
    // Asks for a printer (the platform's print dialog, titled 'dialogTitle', over 'parent'), then
    // has 'paint' paint the document on it; 'paint' returns the pages painted, 0 when it failed.
    virtual Outcome print(QWidget *parent, const QString &documentName, const QString &dialogTitle,
                          const std::function<int(QPagedPaintDevice &)> &paint) = 0;

    // The plugin's printing, loaded on the first call; nullptr when the plugin cannot be found or
    // loaded (said once on the log).
    static Printing *plugin();
};

} // namespace cp

#define CP_PRINTING_IID "app.commandpost.Printing/1"
Q_DECLARE_INTERFACE(cp::Printing, CP_PRINTING_IID)
