#pragma once

namespace cp {

// Makes the application's style draw the few standard icons the window shows from its first frame
// (a line edit's clear button, the extension button of a toolbar and of the menu bar) with the
// painter, in the palette's colours, instead of reading the style's PNG files: the first raster
// image Qt reads offers itself to every image-format plugin (JPEG, GIF, ICO, SVG and the libraries
// behind them), which a start would otherwise load for those three icons. Call once, after the
// application object is made and before the first widget; the style chosen (platform or -style)
// stays the base of everything else.
void useDrawnStandardIcons();

} // namespace cp
